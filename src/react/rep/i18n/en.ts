import type { Message } from '../../i18n/en.ts';

/**
 * The rep mode's English messages (`rep.*`): the reference for its other catalogues. They live
 * apart from the widget's catalogue, so a shop's app (no rep mode) does not carry them.
 */
export const repEn = {
  'rep.quote': 'Quote',
  'rep.newQuote': 'New quote',
  'rep.storedTitle': 'Quote {number} · revision {revision}',
  'rep.draftTitle': 'Quote (draft)',
  'rep.quoteNumber': 'Quote number',
  'rep.open': 'Open',
  'rep.revision': 'Revision',
  'rep.customer': 'Customer',
  'rep.customerName': 'Customer name',
  'rep.customerEmail': 'Customer e-mail',
  'rep.company': 'Company',
  'rep.terms': 'Terms',
  'rep.salesRep': 'Sales rep',
  'rep.validUntil': 'Valid until',
  'rep.shipPolicy': 'Delivery',
  'rep.shipComplete': 'Ship complete',
  'rep.shipAsap': 'Ship each item as soon as possible',
  'rep.notes': 'Notes',
  'rep.save': 'Save quote',
  'rep.saveRevision': 'Save as new revision',
  'rep.duplicate': 'Duplicate',
  'rep.print': 'Print / PDF',
  'rep.saving': 'Saving…',
  'rep.saved': 'Saved {number} revision {revision}',
  'rep.opened': 'Opened {number} revision {revision}',
  'rep.duplicated': 'Duplicated here, not saved: saving the copy creates a new quote',
  'rep.duplicatedAs':
    'Duplicated {from} revision {fromRevision} as {number} revision {revision}, priced on {date}',
  'rep.duplicateHint.saved':
    'Duplicate saves a copy of revision {revision} as a new quote, priced today.',
  'rep.duplicateHint.changed':
    'Unsaved changes: Duplicate copies them here, not saved; saving the copy creates a new quote.',
  'rep.duplicateHint.draft':
    'Not saved yet: Duplicate keeps a copy here, not saved; saving the copy creates a new quote.',
  'rep.approval.label': 'Approval',
  'rep.approval.asManager':
    'Revision {revision} passes a guardrail. You approve it as {name} (manager).',
  'rep.approval.asRep':
    'Revision {revision} passes a guardrail and needs a manager’s approval: you are signed in as {name}, a rep. A manager approves it with their manager token.',
  'rep.approval.signIn':
    'Revision {revision} passes a guardrail and needs a manager’s approval: sign in as a manager, or enter a manager token.',
  'rep.approval.token': 'Manager token',
  'rep.approval.approve': 'Approve revision {revision}',
  'rep.approval.approved': 'Approved by {name} on {date}',
  'rep.approval.failed': 'The approval failed: {reason}',
  'rep.approval.enterToken': 'Enter a manager token to approve.',
  'rep.approval.error.managerRequired': 'the token is a rep’s; only a manager may approve.',
  'rep.approval.error.tokenInvalid': 'the server does not know this token.',
  'rep.approval.error.notNeeded':
    'revision {revision} is within every guardrail and needs no approval.',
  'rep.approval.error.notFound': 'quote {number} revision {revision} was not found.',
  'rep.fixErrors': {
    one: 'Not saved: {count} field needs a correction.',
    other: 'Not saved: {count} fields need a correction.',
  },
  'rep.customerLink': 'Customer link:',
  'rep.compare': 'Compare two lines',
  'rep.compareLeft': 'Left',
  'rep.compareRight': 'Right',
  'rep.line': 'Line {line}',
  'rep.unpriceable': 'The quote cannot be priced: {message}',
  'rep.needsRep': 'The rep mode needs the `rep` prop (API base, token, now, quote).',
  'rep.needsPricing': 'The rep mode needs the `pricing` prop.',
  'rep.cannotStart': 'The rep mode cannot start: {message}',
  'rep.error.repRequired': 'Enter the name of the sales rep.',
  'rep.error.nameRequired': 'Enter the name of the customer.',
  'rep.error.email': 'Enter the customer’s e-mail address, such as ana@example.com.',
  'rep.error.tooLong': '{field} has {count} characters: use at most {max}.',
  'rep.error.date': '{field}: enter a date.',
  'rep.error.dateTooEarly': '{field}: choose {date} or later.',
  'rep.error.quantity': 'Quantity of line {line}: enter a whole number from 1 to {max}.',
  'rep.error.percent': '{field}: enter a percentage from 0 to 100, such as {example}.',
  'rep.error.amount': '{field}: enter an amount of 0 or more, such as {example}.',
  'rep.error.documentDiscountTooLarge':
    'Document discount: {amount} is more than the lines’ total of {max}; enter at most {max}.',
  'rep.guardrailsWait': {
    one: 'Guardrails are checked once line {lines} is configured.',
    other: 'Guardrails are checked once lines {lines} are configured.',
  },
  'rep.lines': 'Quote lines',
  'rep.lineProduct': 'Product of line {line}',
  'rep.lineQuantity': 'Quantity of line {line}',
  'rep.configureLine': 'Configure line {line}',
  'rep.duplicateLine': 'Duplicate line {line}',
  'rep.removeLine': 'Remove line {line}',
  'rep.addLine': 'Add a line',
  'rep.discounts': 'Discounts',
  'rep.additionalPercent': 'Additional discount (%)',
  'rep.partnerPercent': 'Partner discount (%)',
  'rep.documentDiscount': 'Document discount ({currency})',
  'rep.approvalRequired': 'Approval required',
  'rep.withinGuardrails': 'Within the pricing guardrails.',
  'rep.violation.minNetUnit':
    'Line {line}: the net unit price {actual} is below the minimum {limit}.',
  'rep.violation.maxDiscountPercent':
    'Line {line}: a discount of {actual} exceeds the maximum of {limit}.',
  'rep.violation.documentDiscount':
    'The document discount {actual} exceeds the lines’ total of {limit}.',
  'rep.doc.issued': 'Issued',
  'rep.doc.approval':
    'Approval required: {reasons} This quote cannot be accepted until a manager approves it.',
  'rep.doc.changesLabel': 'Changes since quoted',
  'rep.doc.changes': 'Changed since this revision was quoted',
  'rep.doc.items': 'Quoted items',
  'rep.doc.item': 'Item',
  'rep.doc.quantity': 'Qty',
  'rep.doc.unitPrice': 'Unit price',
  'rep.doc.net': 'Net',
  'rep.doc.tax': 'Tax',
  'rep.doc.documentDiscount': 'Document discount',
  'rep.doc.subtotal': 'Subtotal (net)',
  'rep.doc.taxLine': 'Tax {taxId} {rate} on {base}',
  'rep.doc.total': 'Total',
  'rep.doc.shipComplete': 'Shipped complete in one delivery',
  'rep.doc.shipAsap': 'Each item shipped as soon as possible',
  'rep.doc.deliveryBy': '{policy}: delivery by {date}',
  'rep.doc.deliveryTbc': '{policy}: delivery date to be confirmed',
  'rep.doc.footer':
    'Prices in {currency}, priced for {date}. This quote is valid until {validUntil}.',
  'rep.doc.listPrice': 'List price',
  'rep.doc.discount': 'Discount',
  'rep.doc.listTotal': 'List price total',
  'rep.doc.discountsGranted': 'Discounts granted',
  'rep.doc.awaitsApproval': 'This quote awaits the seller’s approval and cannot be accepted yet.',
  'rep.doc.approved': 'Approved by {name} on {date}.',
  'rep.doc.approvedPast': 'Approved by {name} on {date}, past the guardrails: {reasons}',
  'rep.doc.terms': 'Terms',
  'rep.change.linePrice': 'Line {line}: price {before} → {after}',
  'rep.change.total': 'Total {before} → {after}',
  'rep.change.delivery': 'Delivery date {before} → {after}',
  'rep.change.none': 'none',
  'rep.change.unavailable': 'not available',
  'rep.change.other':
    'The offer changed since this revision was made: ask your sales rep for a new revision.',
  'rep.compare.caption': 'Comparison',
  'rep.compare.total': 'Total',
  'rep.compare.product': 'Product',
  'rep.compare.delivery': 'Delivery',
  'rep.compare.tbc': 'to be confirmed',
  'rep.compare.options': 'Options',
  'rep.compare.same': 'The same options',
  'rep.shared.loading': 'Loading the quote…',
  'rep.shared.loadError': 'The quote could not be loaded: {message}',
  'rep.shared.accepted': 'Thank you: order {number} is placed.',
  'rep.shared.accept': 'Accept this quote',
  'rep.shared.expired': 'This quote expired on {date}.',
  'rep.shared.awaitsApproval': 'This quote awaits approval by the seller.',
  'rep.shared.error.expired': 'This quote has expired: ask your sales rep for a new one.',
  'rep.shared.error.approval':
    'This revision awaits the seller’s approval: it cannot be accepted yet.',
  'rep.shared.error.changed':
    'This quote changed since it was made: ask your sales rep for a new revision.',
  'rep.shared.error.other': 'The quote could not be accepted: {message}',
  'rep.shared.print': 'Print / save as PDF',
} as const satisfies Readonly<Record<string, Message>>;

/** The keys every rep catalogue has (those of the English one). */
export type RepMessageKey = keyof typeof repEn;

/** A complete rep catalogue: every English key, with the same shape (string or plural). */
export type RepMessages = {
  readonly [K in RepMessageKey]: (typeof repEn)[K] extends string
    ? string
    : { one: string; other: string };
};

import { useId } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { RepTranslate } from './i18n/repMessages.ts';
import { FormField } from '../components/FormField.tsx';
import { REP_LIMITS, type RepQuoteFormValues } from './repQuoteForm.ts';

/**
 * The rep editor's customer and terms: customer name, e-mail and company; the sales rep, the
 * validity date (not before `today`), the combined promise (ship complete or each item as soon as
 * possible) and notes — registered with the editor's react-hook-form, each error next to its field.
 */
export function QuoteTermsFields({
  form,
  t,
  today,
}: {
  form: UseFormReturn<RepQuoteFormValues>;
  t: RepTranslate;
  /** The earliest validity date (`YYYY-MM-DD`). */
  today: string;
}) {
  const id = useId();
  const { register } = form;
  const e = form.formState.errors;
  return (
    <>
      <fieldset>
        <legend>{t('rep.customer')}</legend>
        <FormField
          id={`${id}-name`}
          label={t('rep.customerName')}
          error={e.customer?.name?.message}
        >
          {(aria) => <input {...aria} {...register('customer.name')} autoComplete="off" required />}
        </FormField>
        <FormField
          id={`${id}-email`}
          label={t('rep.customerEmail')}
          error={e.customer?.email?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...register('customer.email')}
              type="email"
              autoComplete="off"
              required
            />
          )}
        </FormField>
        <FormField
          id={`${id}-company`}
          label={t('rep.company')}
          error={e.customer?.company?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...register('customer.company')}
              autoComplete="off"
              maxLength={REP_LIMITS.company}
            />
          )}
        </FormField>
      </fieldset>
      <fieldset>
        <legend>{t('rep.terms')}</legend>
        <FormField id={`${id}-rep`} label={t('rep.salesRep')} error={e.rep?.message}>
          {(aria) => <input {...aria} {...register('rep')} autoComplete="name" required />}
        </FormField>
        <FormField id={`${id}-valid`} label={t('rep.validUntil')} error={e.validUntil?.message}>
          {(aria) => (
            <input {...aria} {...register('validUntil')} type="date" min={today} required />
          )}
        </FormField>
        <fieldset className="madeto-rep-ship">
          <legend>{t('rep.shipPolicy')}</legend>
          <label>
            <input type="radio" value="complete" {...register('shipPolicy')} />
            {t('rep.shipComplete')}
          </label>
          <label>
            <input type="radio" value="asap" {...register('shipPolicy')} />
            {t('rep.shipAsap')}
          </label>
        </fieldset>
        <FormField id={`${id}-notes`} label={t('rep.notes')} error={e.notes?.message}>
          {(aria) => (
            <textarea {...aria} {...register('notes')} rows={3} maxLength={REP_LIMITS.notes} />
          )}
        </FormField>
      </fieldset>
    </>
  );
}

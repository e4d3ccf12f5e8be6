import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { MeWire } from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';
import { FormField } from '../components/FormField.tsx';
import { QuoteApiError } from './apiCall.ts';
import type { RepTranslate } from './i18n/repMessages.ts';
import type { SessionApi } from './sessionApi.ts';

/** The sign-in form's values. */
interface SignInValues {
  email: string;
  password: string;
}

/** The sign-in form's checks, in the page's language. */
function signInSchema(t: RepTranslate) {
  return z.object({
    email: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, t('rep.signIn.error.emailRequired')),
        z.maxLength(320, t('rep.signIn.error.email')),
        z.regex(z.regexes.email, t('rep.signIn.error.email')),
      ),
    password: z
      .string()
      .check(
        z.minLength(1, t('rep.signIn.error.passwordRequired')),
        z.maxLength(1000, t('rep.signIn.error.passwordRequired')),
      ),
  });
}

/** Why a sign-in failed, in the page's language (the backend's refusals by code). */
function failure(e: Error, t: RepTranslate): string {
  if (e instanceof QuoteApiError)
    switch (e.code) {
      case 'SIGN_IN_FAILED':
        return t('rep.signIn.error.failed');
      case 'TOO_MANY_ATTEMPTS':
        return t('rep.signIn.error.tooMany');
    }
  return t('rep.signIn.error.other', { message: e.message });
}

/**
 * The rep app's sign-in screen: e-mail and password (react-hook-form, checked by a zod schema in
 * the page's language, each error next to its field), "Sign in" through `POST /api/session`; a
 * refusal (wrong password, too many attempts) is said above the button. `onSignedIn` gets who
 * signed in, with the session's CSRF token.
 */
export function SignIn(props: {
  t: RepTranslate;
  api: SessionApi;
  onSignedIn: (me: MeWire) => void;
}) {
  const { t } = props;
  const id = useId();
  const resolver = useMemo(() => zodResolver(signInSchema(t)), [t]);
  const form = useForm<SignInValues>({
    resolver,
    defaultValues: { email: '', password: '' },
  });
  const signIn = useMutation({
    mutationFn: (v: SignInValues) => props.api.signIn(v.email.trim(), v.password),
    onSuccess: props.onSignedIn,
  });
  const e = form.formState.errors;
  return (
    <form
      className="madeto-rep-signin"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(ev) => void form.handleSubmit((v) => signIn.mutate(v))(ev)}
    >
      <h2 id={`${id}-title`}>{t('rep.signIn.title')}</h2>
      <p>{t('rep.signIn.intro')}</p>
      <FormField id={`${id}-email`} label={t('rep.signIn.email')} error={e.email?.message}>
        {(aria) => (
          <input {...aria} {...form.register('email')} type="email" autoComplete="username" />
        )}
      </FormField>
      <FormField id={`${id}-password`} label={t('rep.signIn.password')} error={e.password?.message}>
        {(aria) => (
          <input
            {...aria}
            {...form.register('password')}
            type="password"
            autoComplete="current-password"
          />
        )}
      </FormField>
      {signIn.isError && <p role="alert">{failure(signIn.error, t)}</p>}
      <button type="submit" disabled={signIn.isPending}>
        {signIn.isPending ? t('rep.signIn.signingIn') : t('rep.signIn.submit')}
      </button>
    </form>
  );
}

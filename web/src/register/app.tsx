// The public pre-registration page (/register/?org=ORG): reads the organization id from
// the address, fetches its form, then shows the form, and after sending the confirmation.
// An address without ?org, or with an organization the server does not know, shows a
// "not found" page; a failed fetch offers to try again.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../shared/api_error';
import { t, useLang } from '../shared/i18n';
import { Button, ErrorMessage, Loading } from '../shared/ui/feedback';
import { useTitle } from '../shared/ui/page';
import { DonePage } from './done_page';
import { FormPage } from './form_page';
import { Frame } from './frame';
import { fetchRegistrationForm, type RegistrationForm } from './register_api';

type State =
  | { kind: 'loading' }
  | { kind: 'not_found' }
  | { kind: 'failed' }
  | { kind: 'form'; form: RegistrationForm }
  | { kind: 'done'; form: RegistrationForm; email: string };

/** The organization id of the address (?org=), or '' when it names none. */
export function orgOfLocation(search: string = location.search): string {
  return (new URLSearchParams(search).get('org') ?? '').trim();
}

function NotFound() {
  useTitle(t('register.not_found.title'));
  return (
    <>
      <h1>{t('register.not_found.title')}</h1>
      <p>{t('register.not_found.body')}</p>
    </>
  );
}

function Failed({ retry }: { retry: () => void }) {
  useTitle(t('register.title'));
  return (
    <>
      <h1>{t('register.title')}</h1>
      <ErrorMessage>{t('register.failed')}</ErrorMessage>
      <Button onClick={retry}>{t('register.retry')}</Button>
    </>
  );
}

export function RegisterApp() {
  useLang();
  const org = orgOfLocation();
  const [state, setState] = useState<State>(org ? { kind: 'loading' } : { kind: 'not_found' });

  const load = () => {
    if (!org) return;
    setState({ kind: 'loading' });
    fetchRegistrationForm(org).then(
      (form) => setState({ kind: 'form', form }),
      // 404: no such organization; 400: not even an id.
      (err) => setState(err instanceof ApiError && (err.status === 404 || err.status === 400) ? { kind: 'not_found' } : { kind: 'failed' }),
    );
  };
  useEffect(load, []);

  return (
    <Frame>
      {state.kind === 'loading' && <Loading label={t('register.loading')} />}
      {state.kind === 'not_found' && <NotFound />}
      {state.kind === 'failed' && <Failed retry={load} />}
      {state.kind === 'form' && (
        <FormPage form={state.form} onSent={(email) => setState({ kind: 'done', form: state.form, email })} />
      )}
      {state.kind === 'done' && <DonePage form={state.form} email={state.email} />}
    </Frame>
  );
}

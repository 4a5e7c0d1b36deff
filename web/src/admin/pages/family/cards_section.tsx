// The QR cards of a family: each child's card (PDF) and QR image, the family's QR
// (one code for all its children, used at drop-in rooms), the version of each, and
// reissuing a card, which makes the earlier ones refused from then on.
import { t } from '../../../shared/i18n';
import type { Credential, Family } from '../../../shared/types';
import { Outcome, useAction } from '../../../shared/action';
import { Button } from '../../../shared/ui/feedback';
import { Table } from '../../../shared/ui/table';
import { useLoad } from '../../data';
import { api } from '../../../shared/session';
import { LoadStatus } from '../../status';

interface CardRow {
  key: string;
  name: string;
  credential: Credential;
  pdf: string | null;
  qr: string;
  reissue: () => Promise<Credential>;
}

export function CardsSection({ family }: { family: Family }) {
  const child_ids = family.children.map((c) => c.id).join(',');
  const credentials = useLoad(async () => {
    const [family_credential, ...children] = await Promise.all([
      api.familyCredential(family.id),
      ...family.children.map((c) => api.childCredential(c.id)),
    ]);
    return { family: family_credential, children };
  }, [family.id, child_ids]);
  const action = useAction();

  const rows: CardRow[] = credentials.data ? [
    ...family.children.map((c, i) => ({
      key: c.id,
      name: c.name,
      credential: credentials.data!.children[i],
      pdf: api.childCardUrl(c.id),
      qr: api.childQrUrl(c.id, 'svg'),
      reissue: () => api.reissueChildCredential(c.id),
    })),
    {
      key: 'family',
      name: t('card.family', { name: family.name }),
      credential: credentials.data.family,
      pdf: null,
      qr: api.familyQrUrl(family.id, 'svg'),
      reissue: () => api.reissueFamilyCredential(family.id),
    },
  ] : [];

  const reissue = async (row: CardRow) => {
    if (!window.confirm(t('card.reissue_confirm', { name: row.name }))) return;
    await action.run(async () => {
      const fresh = await row.reissue();
      credentials.reload();
      return t('card.reissued', { name: row.name, version: fresh.version });
    });
  };

  return (
    <section aria-labelledby="cards">
      <h2 id="cards">{t('card.title')}</h2>
      <p class="hint">{t('card.intro')}</p>
      <Outcome of={action} />
      <LoadStatus loaded={credentials} />
      <Table labelledBy="cards" rows={rows} rowKey={(row) => row.key} columns={[
        { header: t('card.subject'), cell: (row) => row.name },
        { header: t('card.version'), cell: (row) => t('card.version_value', { version: row.credential.version }) },
        {
          header: t('common.actions'), class: 'no-print',
          cell: (row) => (
            <div class="cell-actions">
              {row.pdf && (
                <a class="btn btn--secondary" href={row.pdf} target="_blank" rel="noopener"
                  aria-label={t('card.pdf_label', { name: row.name })}>{t('card.pdf')}</a>
              )}
              <a class="btn btn--secondary" href={row.qr} target="_blank" rel="noopener"
                aria-label={t('card.qr_label', { name: row.name })}>{t('card.qr')}</a>
              <Button variant="danger" onClick={() => void reissue(row)}
                label={t('card.reissue_label', { name: row.name })}>{t('card.reissue')}</Button>
            </div>
          ),
        },
      ]} />
    </section>
  );
}

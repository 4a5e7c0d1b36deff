// How a family CSV is written (CSV取り込み): the rules, the table of the columns accepted
// (their Japanese header names, which are required, what each holds) and a sample file of
// two families made in the browser (UTF-8 with a BOM, so that Excel reads it), its 施設名
// the first facility of the organization when there is one. The column keys are the
// server's (rules/family_import.cpp); columnLabel() names one in the current language.
import { useEffect, useMemo } from 'preact/hooks';
import { t, type MessageKey } from '../../../shared/i18n';
import { Table } from '../../../shared/ui/table';
import { useFacilities } from '../../data';

/** The columns in the server's order, with the Japanese header name the sample uses. */
export const kImportColumns = [
  { key: 'family_key', header: '世帯番号', required: false },
  { key: 'family_name', header: '世帯名', required: true },
  { key: 'address', header: '住所', required: false },
  { key: 'phone', header: '電話番号', required: false },
  { key: 'guardian_name', header: '保護者氏名', required: true },
  { key: 'guardian_name_kana', header: '保護者ふりがな', required: false },
  { key: 'relation', header: '続柄', required: false },
  { key: 'email', header: 'メールアドレス', required: false },
  { key: 'child_name', header: '児童氏名', required: true },
  { key: 'child_name_kana', header: '児童ふりがな', required: false },
  { key: 'birth_date', header: '生年月日', required: true },
  { key: 'facility', header: '施設名', required: false },
] as const;

type ColumnKey = (typeof kImportColumns)[number]['key'];
const isColumnKey = (key: string): key is ColumnKey => kImportColumns.some((c) => c.key === key);

/** A column key's name in the current language; anything else (a header cell as written) unchanged. */
export function columnLabel(key: string): string {
  return isColumnKey(key) ? t(`import.column.${key}` as MessageKey) : key;
}

/** The sample file's text: two families, the first with two children and two guardians. */
export function sampleCsv(facility: string): string {
  const rows = [
    kImportColumns.map((c) => c.header),
    ['1', '山田家', '東京都千代田区1-1', '03-1234-5678', '山田 花子', 'やまだ はなこ', '母', 'hanako@example.jp', '山田 太郎', 'やまだ たろう', '2019-04-02', facility],
    ['1', '山田家', '', '', '山田 花子', '', '', '', '山田 さくら', 'やまだ さくら', '2021/6/15', facility],
    ['1', '山田家', '', '', '山田 一郎', 'やまだ いちろう', '父', '', '山田 太郎', 'やまだ たろう', '2019-04-02', facility],
    ['2', '佐藤家', '東京都千代田区2-2', '03-2345-6789', '佐藤 美咲', 'さとう みさき', '母', '', '佐藤 りん', 'さとう りん', '2020/1/10', facility],
  ];
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The link that saves the sample file; its address is released when the page goes. */
function SampleLink() {
  const facilities = useFacilities();
  const facility = facilities.data?.[0]?.name ?? '';
  const url = useMemo(() => URL.createObjectURL(new Blob([sampleCsv(facility)], { type: 'text/csv' })), [facility]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <a href={url} download={t('import.sample_file')}>{t('import.sample')}</a>;
}

export function ImportColumns() {
  return (
    <section aria-labelledby="import-columns-title">
      <h2 id="import-columns-title">{t('import.columns_title')}</h2>
      <ul>
        <li>{t('import.rule_rows')}</li>
        <li>{t('import.rule_family')}</li>
        <li>{t('import.rule_guardian')}</li>
        <li>{t('import.rule_dates')}</li>
        <li>{t('import.rule_encoding')}</li>
        <li>{t('import.rule_known')}</li>
        <li>{t('import.rule_passwords')}</li>
      </ul>
      <Table label={t('import.columns_label')} rows={kImportColumns} rowKey={(c) => c.key} class="import-columns"
        columns={[
          {
            header: t('import.col_name'), rowHeader: true,
            cell: (c) => <>{c.header} <code lang="en">{c.key}</code></>,
          },
          {
            header: t('import.col_required'),
            cell: (c) => (c.required ? <strong class="required">{t('import.required')}</strong> : t('import.optional')),
          },
          { header: t('import.col_holds'), cell: (c) => t(`import.holds.${c.key}` as MessageKey) },
        ]} />
      <p><SampleLink /></p>
    </section>
  );
}

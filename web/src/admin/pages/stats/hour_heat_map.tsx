// 時間帯別の来館: a heat map of one month, a row a day and a column an hour of arrival
// (Japan time), each cell the number of visits as text on a colour as dark as the number
// is large (four steps, and white for 0; the text keeps 4.5:1 on every step). It is a real
// table (row and column headers), so it is its own text alternative. The hours shown are
// those from the month's first to its last hour with a visit. The counts come from one
// /stats/visits?group_by=day_hour ("2027-06-01 15") for the month.
import { t } from '../../../shared/i18n';
import { api } from '../../../shared/session';
import { useLoad } from '../../data';
import { LoadStatus } from '../../status';
import type { StatsItem } from './month_charts';
import { dayLabel } from './stats_parts';

const kSteps = 4;

/** The visits of each hour 0..23 in `items` (keys "00".."23"). */
function byHour(items: readonly StatsItem[]): number[] {
  const counts = Array.from({ length: 24 }, () => 0);
  for (const item of items) {
    const h = Number(item.key);
    if (Number.isInteger(h) && h >= 0 && h < 24) counts[h] = item.visits;
  }
  return counts;
}

/** Each date's visits by hour 0..23, from the day_hour counts of [from, to] (only the hours with a visit come). */
async function hoursOfDays(facility_id: string | undefined, from: string, to: string): Promise<Map<string, number[]>> {
  const stats = await api.visitStats({ facility_id, from, to, group_by: 'day_hour' });
  const out = new Map<string, number[]>();
  for (const item of stats.items) {
    const [date, hour] = item.key.split(' ');
    const h = Number(hour);
    if (!date || !Number.isInteger(h) || h < 0 || h > 23) continue;
    const row = out.get(date) ?? Array.from({ length: 24 }, () => 0);
    row[h] = item.visits;
    out.set(date, row);
  }
  return out;
}

/** The colour step of `n` visits when the busiest cell has `max`: 0 for none, else 1..kSteps. */
const stepOf = (n: number, max: number) => (n <= 0 || max <= 0 ? 0 : Math.min(kSteps, Math.ceil((kSteps * n) / max)));

/** The scale under the map: each step's swatch and the numbers it stands for. */
function Scale({ max }: { max: number }) {
  const steps: { step: number; text: string }[] = [{ step: 0, text: t('stats.hours_scale_zero') }];
  for (let step = 1; step <= kSteps; step++) {
    const from = Math.floor(((step - 1) * max) / kSteps) + 1;
    const to = Math.floor((step * max) / kSteps);
    if (from <= to) steps.push({ step, text: from === to ? String(from) : t('stats.hours_scale_range', { from, to }) });
  }
  return (
    <ul class="stats-legend" aria-label={t('stats.hours_scale')}>
      {steps.map((s) => (
        <li key={s.step}><span aria-hidden="true" class={`stats-swatch heat--${s.step}`} />{s.text}</li>
      ))}
    </ul>
  );
}

export function HourHeatMap({ facility_id, days, hours }:
  { facility_id: string | undefined; days: readonly StatsItem[]; hours: readonly StatsItem[] }) {
  const totals = byHour(hours);
  const busy_dates = days.filter((d) => d.visits > 0).map((d) => d.key);
  const from = days[0]?.key ?? '';
  const to = days[days.length - 1]?.key ?? '';
  const grid = useLoad(() => hoursOfDays(facility_id, from, to), [facility_id, from, to, busy_dates.join()]);
  const with_visits = totals.map((n, h) => (n > 0 ? h : -1)).filter((h) => h >= 0);
  const shown = totals.map((_, h) => h).filter((h) => h >= with_visits[0] && h <= with_visits[with_visits.length - 1]);
  const rowOf = (date: string) => grid.data?.get(date) ?? totals.map(() => 0);
  const max = Math.max(0, ...busy_dates.flatMap((d) => shown.map((h) => rowOf(d)[h])));

  return (
    <section class="card stats-section" aria-labelledby="stats-hours">
      <h3 id="stats-hours">{t('stats.hours_title')}</h3>
      <p id="stats-hours-intro" class="meta">{t('stats.hours_intro')}</p>
      {shown.length === 0 ? <p>{t('stats.hours_none')}</p> : (
        <>
          <LoadStatus loaded={grid} />
          {grid.data && (
            <>
              <div class="stats-scroll" role="group" aria-labelledby="stats-hours" tabIndex={0}>
                <table class="heat-map" aria-labelledby="stats-hours" aria-describedby="stats-hours-intro">
                  <thead>
                    <tr>
                      <th scope="col">{t('stats.col_date')}</th>
                      {shown.map((h) => <th key={h} scope="col">{t('stats.hour', { h })}</th>)}
                      <th scope="col">{t('stats.col_total')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {days.map((d) => (
                      <tr key={d.key}>
                        <th scope="row">{dayLabel(d.key)}</th>
                        {shown.map((h) => {
                          const n = rowOf(d.key)[h];
                          return <td key={h} class={`heat--${stepOf(n, max)}`}>{n}</td>;
                        })}
                        <td class="heat-total">{d.visits}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Scale max={max} />
            </>
          )}
        </>
      )}
    </section>
  );
}

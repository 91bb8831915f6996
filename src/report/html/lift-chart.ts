import { formatPercent } from '../../analysis/format-number.js';
import type { HistoryPoint } from '../view.js';
import { escapeHtml, px } from './escape-html.js';
import { linearScale } from './scale.js';

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 60;
const RIGHT = 20;
const TOP = 20;
const BOTTOM = 40;

/**
 * The primary metric's relative lift at each look the store's history keeps: the estimate as a
 * line over its interval as a band, no change marked. Null with fewer than two looks that have
 * a lift (the band needs intervals; a look without one is drawn as a point).
 */
export function liftChart(history: readonly HistoryPoint[], metric: string): string | null {
  const looks = history
    .map((point, index) => ({ look: index + 1, point }))
    .filter(({ point }) => point.lift !== null);
  if (looks.length < 2) return null;
  const values = looks.flatMap(({ point }) => [point.lift!.estimate, ...(point.lift!.ci ?? [])]);
  const y = linearScale(Math.min(0, ...values), Math.max(0, ...values), HEIGHT - BOTTOM, TOP, 5);
  const first = looks[0]!.look;
  const last = looks[looks.length - 1]!.look;
  const x = (look: number) => LEFT + ((look - first) / (last - first)) * (WIDTH - LEFT - RIGHT);

  const banded = looks.filter(({ point }) => point.lift!.ci !== null);
  const band =
    banded.length >= 2
      ? `<polygon class="band" points="${[
          ...banded.map(({ look, point }) => `${px(x(look))},${px(y.at(point.lift!.ci![1]))}`),
          ...banded
            .slice()
            .reverse()
            .map(({ look, point }) => `${px(x(look))},${px(y.at(point.lift!.ci![0]))}`),
        ].join(' ')}"/>`
      : '';
  const line = `<polyline class="lift" points="${looks.map(({ look, point }) => `${px(x(look))},${px(y.at(point.lift!.estimate))}`).join(' ')}"/>`;
  const points = looks.map(
    ({ look, point }) =>
      `<circle class="look" cx="${px(x(look))}" cy="${px(y.at(point.lift!.estimate))}" r="3.5"><title>${escapeHtml(lookTitle(look, point))}</title></circle>`,
  );
  const yTicks = y.ticks.map(
    (t) =>
      `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y.at(t))}" y2="${px(y.at(t))}"/><text class="tick" x="${LEFT - 6}" y="${px(y.at(t) + 4)}" text-anchor="end">${escapeHtml(formatPercent(t))}</text>`,
  );
  const step = Math.max(1, Math.ceil(looks.length / 10));
  const xTicks = looks
    .filter((_, i) => i % step === 0 || i === looks.length - 1)
    .map(
      ({ look }) =>
        `<text class="tick" x="${px(x(look))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${look}</text>`,
    );
  return [
    `<svg id="lift-chart" class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="lift-title">`,
    `<title id="lift-title">Relative lift of ${escapeHtml(metric)} at each look, with its interval</title>`,
    ...yTicks,
    band,
    `<line class="zero" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y.at(0))}" y2="${px(y.at(0))}"/>`,
    line,
    ...points,
    ...xTicks,
    `<text class="axis-title" x="${px((LEFT + WIDTH - RIGHT) / 2)}" y="${HEIGHT - 6}" text-anchor="middle">look (run)</text>`,
    '</svg>',
  ].join('\n');
}

function lookTitle(look: number, point: HistoryPoint): string {
  const lift = point.lift!;
  const ci = lift.ci ? ` [${formatPercent(lift.ci[0])}, ${formatPercent(lift.ci[1])}]` : '';
  return `look ${look}${point.runId !== null ? `, run ${point.runId}` : ''}: ${formatPercent(lift.estimate)}${ci}, ${point.sessions.control} / ${point.sessions.treatment} sessions, ${point.verdict}`;
}

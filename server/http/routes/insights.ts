/**
 * `GET /insights`: aggregated figures for the privacy officer and leads, as JSON or (`format=csv`) CSV, with small
 * cells suppressed either way (server/insights/).
 */
import { Router } from 'express';
import { InsightsQuery } from '../../protocol/insights.js';
import { allow } from '../../web/auth.js';
import { parseInput } from '../../errors.js';
import { periodsOf } from '../../insights/periods.js';
import { insightsReport } from '../../insights/report.js';
import { insightsCsv } from '../../insights/csv.js';
import { wordsFor, wordsOf } from '../../i18n/translate.js';
import type { HttpDeps } from '../deps.js';

export function insightRoutes({ store, settings, insights }: HttpDeps): Router {
  const r = Router();
  r.get('/insights', allow('insights.read'), async (req, res) => {
    const q = parseInput(InsightsQuery, req.query, ['query']);
    const { from, until, periods } = periodsOf(q, new Date());
    const report = insightsReport(await store.insights.events(from, until), {
      taxonomy: settings.taxonomy,
      bucket: q.bucket,
      periods,
      minCell: insights.minCell,
      oldest: await store.retention.oldest(),
      // The page's tables in its reader's language; the CSV, an export, in English (csv.ts).
      words: q.format === 'json' ? wordsOf(req) : wordsFor('en'),
    });
    res.set('Cache-Control', 'no-store').vary('Accept-Language');
    if (q.format === 'json') return void res.json(report);
    res
      .set('Content-Disposition', `attachment; filename="candor-insights-${from.slice(0, 10)}.csv"`)
      .type('text/csv')
      .send(insightsCsv(report));
  });
  return r;
}

import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpException,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import type { OutcomeReport } from '../outcome-report/outcome-report.model';
import { OutcomeReportService } from '../outcome-report/outcome-report.service';
import { AuditOutcome, AuditWriter } from '../auth/audit-log/audit-writer';
import { filtersJson } from '../graphql/audit-plugin';
import { toReportCsv } from './report-csv';
import { renderReportPdf } from './report-pdf';
import { parseReportQuery, reportFileName } from './report-query';

type Format = 'pdf' | 'csv';

const CONTENT_TYPES: Record<Format, string> = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8' };

/**
 * The funder report as files: GET /api/reports/outcome.pdf and outcome.csv?from&to&sites&asOf.
 * The clinical roles only (the default): funders download published releases (releases/). Each
 * download is audited like a GraphQL query.
 */
@Controller('api/reports')
export class ReportExportController {
  constructor(
    private readonly reports: OutcomeReportService,
    private readonly auditWriter: AuditWriter,
  ) {}

  @Get('outcome.pdf')
  @Header('Cache-Control', 'no-store')
  pdf(@Query() query: Record<string, unknown>, @Req() req: AuthenticatedRequest): Promise<StreamableFile> {
    return this.download('pdf', query, req, (report) => renderReportPdf(report));
  }

  @Get('outcome.csv')
  @Header('Cache-Control', 'no-store')
  csv(@Query() query: Record<string, unknown>, @Req() req: AuthenticatedRequest): Promise<StreamableFile> {
    return this.download('csv', query, req, async (report) => Buffer.from(toReportCsv(report), 'utf8'));
  }

  private async download(
    format: Format,
    query: Record<string, unknown>,
    req: AuthenticatedRequest,
    render: (report: OutcomeReport) => Promise<Buffer>,
  ): Promise<StreamableFile> {
    let outcome: AuditOutcome = 'error';
    try {
      const parsed = parseReportQuery(query);
      if ('problems' in parsed) throw new BadRequestException(`Invalid report request: ${parsed.problems.join('; ')}`);
      const report = await this.reports.report(parsed.filter);
      const file = await render(report);
      outcome = 'allowed';
      return new StreamableFile(file, {
        type: CONTENT_TYPES[format],
        length: file.length,
        disposition: `attachment; filename="${reportFileName(report.periods, format)}"`,
      });
    } catch (error) {
      if (error instanceof HttpException) outcome = error.getStatus() === 403 ? 'forbidden' : 'invalid';
      throw error;
    } finally {
      await this.audit(req, `GET /api/reports/outcome.${format}`, query, outcome);
    }
  }

  private async audit(req: AuthenticatedRequest, operation: string, query: unknown, outcome: AuditOutcome) {
    const user = req.user;
    if (!user) return;
    const { userId, username, role, siteIds } = user;
    // Not GraphQL: the query string (in filters) is what was asked; no root fields ran.
    const filters = filtersJson(query);
    await this.auditWriter.write({
      userId,
      username,
      role,
      operation,
      filters,
      arguments: null,
      sites: siteIds,
      outcome,
    });
  }
}

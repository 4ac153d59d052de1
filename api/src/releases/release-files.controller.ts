import {
  Controller,
  Get,
  NotFoundException,
  Header,
  HttpException,
  Param,
  ParseIntPipe,
  Req,
  StreamableFile,
} from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { AuditOutcome, AuditWriter } from '../auth/audit-log/audit-writer';
import { Roles, ROLES } from '../auth/roles';
import { releaseCsv, releaseFileName, releaseJson, releasePdf } from './release-files';
import type { Release } from './release-row';
import { ReleasesService } from './releases.service';

type Format = 'pdf' | 'csv' | 'json';

const CONTENT_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const RENDER: Record<Format, (r: Release) => Promise<Buffer>> = {
  pdf: (r) => releasePdf(r),
  csv: async (r) => Buffer.from(releaseCsv(r), 'utf8'),
  json: async (r) => Buffer.from(await releaseJson(r), 'utf8'),
};

/**
 * A release's files: GET /api/releases/:id/release.{pdf,csv,json}. Funders get only their
 * published releases (the service decides); every download is audited.
 */
@Roles(...ROLES)
@Controller('api/releases')
export class ReleaseFilesController {
  constructor(
    private readonly releases: ReleasesService,
    private readonly auditWriter: AuditWriter,
  ) {}

  @Get(':id/release.:format')
  @Header('Cache-Control', 'no-store')
  async download(
    @Param('id', ParseIntPipe) id: number,
    @Param('format') format: Format,
    @Req() req: AuthenticatedRequest,
  ): Promise<StreamableFile> {
    let outcome: AuditOutcome = 'error';
    try {
      if (!Object.hasOwn(RENDER, format)) throw new NotFoundException('A release is a .pdf, .csv or .json file.');
      const release = await this.releases.get(req.user!, id);
      const file = await RENDER[format](release);
      outcome = 'allowed';
      return new StreamableFile(file, {
        type: CONTENT_TYPES[format],
        length: file.length,
        disposition: `attachment; filename="${releaseFileName(release, format)}"`,
      });
    } catch (error) {
      if (error instanceof HttpException) outcome = error.getStatus() === 404 ? 'forbidden' : 'invalid';
      throw error;
    } finally {
      const user = req.user;
      if (user) {
        const { userId, username, role, siteIds } = user;
        await this.auditWriter.write({
          userId,
          username,
          role,
          operation: `GET /api/releases/${id}/release.${format}`,
          filters: JSON.stringify({ releaseId: id, format }),
          arguments: null,
          sites: siteIds,
          outcome,
        });
      }
    }
  }
}

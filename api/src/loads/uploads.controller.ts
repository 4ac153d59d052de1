import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Logger,
  NotFoundException,
  Param,
  Post,
  Req,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { Roles } from '../auth/roles';
import { UploadLoader } from './upload-loader';
import { UploadRegistry, UploadState } from './upload-registry';

const MAX_FILES = 16;
const MAX_FILE_BYTES = 4 * 1024 ** 3;
/**
 * The loader tells files apart by name (attendance.csv.gz …): keep names flat, with no path or
 * control characters. Spaces are allowed: EHR exports are named like "Client Demographics.xlsx".
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

type UploadRequest = AuthenticatedRequest & { uploadDir?: string };

const storage = diskStorage({
  destination: (req, _file, done) => {
    const r = req as UploadRequest;
    r.uploadDir ??= mkdtempSync(path.join(tmpdir(), 'iop-upload-'));
    done(null, r.uploadDir);
  },
  filename: (_req, file, done) => done(null, path.basename(file.originalname)),
});

/**
 * Directors refresh the figures from the dashboard: the export files are stored in a private
 * temporary folder and loaded by the same loader as `npm run etl`, while the page polls progress.
 */
@Roles('director')
@Controller('api/uploads')
export class UploadsController {
  private readonly logger = new Logger('Uploads');

  constructor(
    private readonly registry: UploadRegistry,
    private readonly loader: UploadLoader,
  ) {}

  @Post()
  @HttpCode(202)
  @UseInterceptors(
    FilesInterceptor('files', MAX_FILES, {
      storage,
      limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES },
      fileFilter: (_req, file, accept) =>
        SAFE_NAME.test(path.basename(file.originalname))
          ? accept(null, true)
          : accept(
              new BadRequestException(
                `"${file.originalname}" is not a plain file name such as attendance.csv or Patient.ndjson`,
              ),
              false,
            ),
    }),
  )
  async upload(
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Req() req: UploadRequest,
  ): Promise<{ uploadId: string }> {
    if (!files?.length || !req.uploadDir) {
      throw new BadRequestException(
        'Choose one or more export files (sites.csv, attendance.csv.gz, …, the .ndjson files of a FHIR export, or a .zip).',
      );
    }
    const dir = req.uploadDir;
    const user = req.user!;
    const upload = this.registry.create(user.username);
    const names = files.map((f) => f.originalname).join(', ');
    await this.loader
      .begin(upload.uploadId, dir, `upload by ${user.username}: ${names}`)
      .catch(async (error: unknown) => {
        this.logger.error(`Upload ${upload.uploadId} failed: ${String(error)}`);
        this.registry.fail(upload.uploadId, 'The load failed and nothing was stored. See the server log.');
        await rm(dir, { recursive: true, force: true });
      });
    return { uploadId: upload.uploadId };
  }

  @Get(':uploadId')
  status(@Param('uploadId') uploadId: string): UploadState {
    const state = this.registry.get(uploadId);
    if (!state) throw new NotFoundException('No such upload (uploads are kept for an hour after they end).');
    return state;
  }
}

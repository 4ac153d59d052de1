import { Module } from '@nestjs/common';
import { LoadsResolver } from './loads.resolver';
import { LoadsService } from './loads.service';
import { UploadLoader } from './upload-loader';
import { UploadRegistry } from './upload-registry';
import { UploadsController } from './uploads.controller';

@Module({
  controllers: [UploadsController],
  providers: [LoadsResolver, LoadsService, UploadRegistry, UploadLoader],
  exports: [UploadRegistry, UploadLoader],
})
export class LoadsModule {}

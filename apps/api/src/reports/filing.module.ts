import { Module } from '@nestjs/common';
import { DatabaseModule } from '@app/database';
import { EnterpriseZones } from '../registry/enterprise-zones.service';
import { ReportIntake } from './report-intake.service';
import { ReportUploads } from './report-upload.service';
import { SubmissionWriter } from './submission-writer.service';
import { UploadBatches } from './upload-batches.service';

/**
 * The way into the pipeline, shared by the API and the enterprises' pages: one writer batching every
 * submission of the process, and one limit on the files being read at once.
 */
@Module({
  imports: [DatabaseModule],
  providers: [EnterpriseZones, ReportIntake, SubmissionWriter, ReportUploads, UploadBatches],
  exports: [EnterpriseZones, ReportIntake, SubmissionWriter, ReportUploads, UploadBatches],
})
export class FilingModule {}

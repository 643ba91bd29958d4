import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { ReceivedSubmissionsIndex1764100000000 } from './migrations/1764100000000-received-submissions-index';
import { EnterpriseQuarterSpans1764200000000 } from './migrations/1764200000000-enterprise-quarter-spans';
import { FollowUpIndex1764300000000 } from './migrations/1764300000000-follow-up-index';
import { PublicationsAndMail1764500000000 } from './migrations/1764500000000-publications-and-mail';
import { ReportUploadBatches1764600000000 } from './migrations/1764600000000-report-upload-batches';
import { NumericAggregateSums1764700000000 } from './migrations/1764700000000-numeric-aggregate-sums';
import { ZoneLocksAndReviewMessages1764710000000 } from './migrations/1764710000000-zone-locks-and-review-messages';
import { EmailSendingLease1764720000000 } from './migrations/1764720000000-email-sending-lease';
import { PublicCellLedger1764730000000 } from './migrations/1764730000000-public-cell-ledger';
import { BoardSessions1764740000000 } from './migrations/1764740000000-board-sessions';
import { RecordedSupersession1764800000000 } from './migrations/1764800000000-recorded-supersession';
import { PublicationRequests1764850000000 } from './migrations/1764850000000-publication-requests';
import { SignInLinks1764860000000 } from './migrations/1764860000000-sign-in-links';
import { VerdictNotifications1764870000000 } from './migrations/1764870000000-verdict-notifications';
import { UnsubscribeTokens1764880000000 } from './migrations/1764880000000-unsubscribe-tokens';
import { PlanFactsAndTargets1764890000000 } from './migrations/1764890000000-plan-facts-and-targets';
import { ReportReturns1764891000000 } from './migrations/1764891000000-report-returns';
import { OwnershipBlocks1764892000000 } from './migrations/1764892000000-ownership-blocks';
import { PublicContributionBlocks1764900000000 } from './migrations/1764900000000-public-contribution-blocks';

/** In order; each runs once per database. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  ReceivedSubmissionsIndex1764100000000,
  EnterpriseQuarterSpans1764200000000,
  FollowUpIndex1764300000000,
  PublicationsAndMail1764500000000,
  ReportUploadBatches1764600000000,
  NumericAggregateSums1764700000000,
  ZoneLocksAndReviewMessages1764710000000,
  EmailSendingLease1764720000000,
  PublicCellLedger1764730000000,
  BoardSessions1764740000000,
  RecordedSupersession1764800000000,
  PublicationRequests1764850000000,
  SignInLinks1764860000000,
  VerdictNotifications1764870000000,
  UnsubscribeTokens1764880000000,
  PlanFactsAndTargets1764890000000,
  ReportReturns1764891000000,
  OwnershipBlocks1764892000000,
  PublicContributionBlocks1764900000000,
];

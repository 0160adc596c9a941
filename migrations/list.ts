import { RoleRequestNotifications1796579395615 } from './1796579395615-RoleRequestNotifications';
import { RoleGrantRequests1796578186606 } from './1796578186606-RoleGrantRequests';
import { AuditChain1796577397226 } from './1796577397226-AuditChain';
import { PersonalData1796577043272 } from './1796577043272-PersonalData';
import { AuditPseudonyms1796577031292 } from './1796577031292-AuditPseudonyms';
import { CriteriaSetsScorecards1795446575339 } from './1795446575339-CriteriaSetsScorecards';
import { CommitteeSessions1795446395256 } from './1795446395256-CommitteeSessions';
import { RoutingAbsencesPrivateNotes1795446100000 } from './1795446100000-RoutingAbsencesPrivateNotes';
import { QualificationAssignment1795445158217 } from './1795445158217-QualificationAssignment';
import { Notifications1795435376051 } from './1795435376051-Notifications';
import { Webhooks1795434946807 } from './1795434946807-Webhooks';
import { EngagementModeration1795432936045 } from './1795432936045-EngagementModeration';
import { Ideas1795432683723 } from './1795432683723-Ideas';
import { Identity1795430932079 } from './1795430932079-Identity';
import { WallIndexes1795432990000 } from './1795432990000-WallIndexes';
import { AnswerTimeGuarantee1795445400000 } from './1795445400000-AnswerTimeGuarantee';
import { CampaignAnnouncement1795445600000 } from './1795445600000-CampaignAnnouncement';
import { WallPageCacheNotify1795445658948 } from './1795445658948-WallPageCacheNotify';
import { AnnouncementEmailsSent1795446500000 } from './1795446500000-AnnouncementEmailsSent';
import { Realisation1796591943358 } from './1796591943358-Realisation';
import { Recognition1796599788026 } from './1796599788026-Recognition';
import { AnnualReportLinks1796600400000 } from './1796600400000-AnnualReportLinks';
import { ContributionClaims1796600470000 } from './1796600470000-ContributionClaims';
import { IdeaCounters1796600000000 } from './1796600000000-IdeaCounters';
import { TrendingProbe1796600000001 } from './1796600000001-TrendingProbe';
import { RealisationAmounts1796600100000 } from './1796600100000-RealisationAmounts';
import { TeamInvitationByName1796600200000 } from './1796600200000-TeamInvitationByName';
import { SearchByWeek1796600300000 } from './1796600300000-SearchByWeek';
import { AnnualReportIndexes1796600900000 } from './1796600900000-AnnualReportIndexes';
import { CommentAdopted1796601000000 } from './1796601000000-CommentAdopted';
import { SearchFunctionsPlpgsql1796601100000 } from './1796601100000-SearchFunctionsPlpgsql';
import { SearchFilterLexemes1796601200000 } from './1796601200000-SearchFilterLexemes';
import { SearchWordsByWeek1796601300000 } from './1796601300000-SearchWordsByWeek';
import { TrendingWithoutGenerationKey1796601400000 } from './1796601400000-TrendingWithoutGenerationKey';
import { TrendingWithoutPrimaryKey1796601500000 } from './1796601500000-TrendingWithoutPrimaryKey';
import type { MigrationInterface } from 'typeorm';
import { Platform1795430615829 } from './1795430615829-Platform';
// Listed explicitly: bundlers and compiled builds break glob discovery. Append new migrations in order.
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Platform1795430615829,
  Identity1795430932079,
  Ideas1795432683723,
  EngagementModeration1795432936045,
  WallIndexes1795432990000,
  Webhooks1795434946807,
  Notifications1795435376051,
  QualificationAssignment1795445158217,
  AnswerTimeGuarantee1795445400000,
  CampaignAnnouncement1795445600000,
  WallPageCacheNotify1795445658948,
  RoutingAbsencesPrivateNotes1795446100000,
  CommitteeSessions1795446395256,
  AnnouncementEmailsSent1795446500000,
  CriteriaSetsScorecards1795446575339,
  AuditPseudonyms1796577031292,
  PersonalData1796577043272,
  AuditChain1796577397226,
  RoleGrantRequests1796578186606,
  RoleRequestNotifications1796579395615,
  Realisation1796591943358,
  Recognition1796599788026,
  IdeaCounters1796600000000,
  TrendingProbe1796600000001,
  RealisationAmounts1796600100000,
  TeamInvitationByName1796600200000,
  SearchByWeek1796600300000,
  AnnualReportLinks1796600400000,
  ContributionClaims1796600470000,
  AnnualReportIndexes1796600900000,
  CommentAdopted1796601000000,
  SearchFunctionsPlpgsql1796601100000,
  SearchFilterLexemes1796601200000,
  SearchWordsByWeek1796601300000,
  TrendingWithoutGenerationKey1796601400000,
  TrendingWithoutPrimaryKey1796601500000,
];

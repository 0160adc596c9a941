export { ResumeModule } from './resume.module';
export { ResumeJobsModule } from './resume-jobs.module';
export { ParkedResumer, ResumeOnPark, resumeJobId, type ResumeResult } from './resume-jobs';

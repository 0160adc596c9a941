export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';
export { SessionsRepository } from './sessions.repository';

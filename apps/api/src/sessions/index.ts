// The sessions feature's public surface: refresh-token sessions, used by auth (sign-in) and users (ending them).
export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';

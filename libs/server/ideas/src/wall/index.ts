export { WallModule } from './wall.module';
export { WallService } from './wall.service';
export * from './wall.dto';

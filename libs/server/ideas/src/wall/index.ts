export { WallModule } from './wall.module';
export { WallService } from './wall.service';
export * from './wall.dto';
export { WallPageCache, WALL_CHANGED_CHANNEL } from './wall-page-cache';

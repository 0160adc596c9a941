import { Controller, Get } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { AppConfig } from '@eclore/server-platform';
import { PublicRoute } from '@eclore/server-identity';
import { HealthStatusDto } from './health.dto';

@ApiTags('health')
@PublicRoute()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue('platform') private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  @Get('health')
  @ApiOperation({ operationId: 'getHealth', summary: 'Liveness: the process answers.' })
  @ApiOkResponse({ type: HealthStatusDto })
  alive(): HealthStatusDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: PostgreSQL and the queue backend are reachable.' })
  @ApiOkResponse({ description: 'Every dependency answered.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the body names it.' })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => this.queueCheck(),
    ]);
  }

  private async queueCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(this.config.QUEUE_BACKEND === 'redis' ? 'redis' : 'queue');
    try {
      // Asking the backend for counts is a real round trip on Redis and on PostgreSQL alike.
      await withTimeout(this.queue.getJobCounts('waiting'), 2000);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChainWalker, type ChainVerdict } from './audit-chain';
import { AuditChainRepository } from './audit-chain.repository';

/** Verifies the audit log's hash chain (`npm run audit:verify`, and the admin audit page's check). */
@Injectable()
export class AuditChainService {
  private readonly chain: AuditChainRepository;

  constructor(dataSource: DataSource) {
    this.chain = new AuditChainRepository(dataSource);
  }

  async verify(): Promise<ChainVerdict> {
    const walker = new ChainWalker();
    const head = await this.chain.walk((rows) => rows.every((row) => walker.next(row)));
    return walker.finish(head);
  }
}

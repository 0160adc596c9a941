import { Injectable } from '@nestjs/common';
import { Conflict, entriesToClaim, NotFound, ValidationFailed, type Actor } from '@eclore/domain';
import { AccessService, AuditService } from '@eclore/server-identity';
import type { ContributionClaim } from '../entities';
import type { DecidedContributionClaimDto, MyContributionClaimDto, PendingContributionClaimDto } from './claims.dto';
import { CLAIM_REASON_MAX } from './claims.dto';
import { ClaimsRepository } from './claims.repository';

/**
 * Claiming one's anonymous contributions (docs/recognition.md §1, "Anonymity"): the person asks to be
 * named on ALL their anonymous entries of one idea; the anonymity guardian grants or refuses; once
 * granted the entries carry `claimed_at` and are named wherever the ledger shows people (credit
 * shares, "my contributions"). Every step is audited on the idea, so the claimant's own entry is
 * written under their pseudonym while the idea is anonymous; the guardian never learns who claims.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly repo: ClaimsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async request(actor: Actor, ideaId: string, requestId: string | null): Promise<MyContributionClaimDto> {
    this.access.assert(actor, 'contribution.claim', { subjectPersonId: actor.personId });
    const claim = await this.repo.transaction(async (m) => {
      const entries = await this.repo.unclaimed(ideaId, actor.personId, m);
      // Only the caller's own rows: an idea they have no anonymous entry on (or that does not exist)
      // answers the same, so the route tells nothing about anyone else's entries.
      if (entriesToClaim(entries, actor.personId, ideaId).length === 0)
        throw new Conflict('nothing_to_claim', 'You have no anonymous contribution to this idea left to claim.');
      if (await this.repo.pendingOf(ideaId, actor.personId, m))
        throw new Conflict('claim_pending', 'Your claim on this idea is already waiting for the guardian.');
      const created = await this.repo.insert(ideaId, actor.personId, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'contribution.claim_requested',
        subjectType: 'idea',
        subjectId: ideaId,
        data: { claimId: created.id, entries: entries.length },
        requestId,
      });
      return created;
    });
    return (await this.presentMine([claim]))[0]!;
  }

  async mine(actor: Actor): Promise<MyContributionClaimDto[]> {
    this.access.assert(actor, 'contribution.claim', { subjectPersonId: actor.personId });
    return this.presentMine(await this.repo.mine(actor.personId));
  }

  async pending(actor: Actor): Promise<PendingContributionClaimDto[]> {
    this.access.assert(actor, 'contribution.decide_claim');
    const claims = await this.repo.pending();
    const [ideas, entries] = await Promise.all([
      this.repo.ideas(claims.map((c) => c.ideaId)),
      this.repo.pendingEntries(claims),
    ]);
    return claims.map((c) => ({
      id: c.id,
      ideaId: c.ideaId,
      ideaTitle: ideas.get(c.ideaId)?.title ?? '',
      ideaAnonymous: ideas.get(c.ideaId)?.anonymous ?? false,
      kinds: entries.get(c.id)?.kinds ?? [],
      entries: entries.get(c.id)?.entries ?? 0,
      requestedAt: c.requestedAt.toISOString(),
    }));
  }

  grant(actor: Actor, id: string, requestId: string | null, now = new Date()): Promise<DecidedContributionClaimDto> {
    this.access.assert(actor, 'contribution.decide_claim');
    return this.repo.transaction(async (m) => {
      const claim = await this.open(id, m);
      const entries = entriesToClaim(
        await this.repo.unclaimed(claim.ideaId, claim.personId, m),
        claim.personId,
        claim.ideaId,
      );
      const named = await this.repo.name(
        entries.map((e) => e.id),
        now,
        m,
      );
      await this.repo.decide(claim, { status: 'granted', by: actor.personId, reason: null, at: now }, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'contribution.claim_granted',
        subjectType: 'idea',
        subjectId: claim.ideaId,
        data: { claimId: claim.id, named },
        requestId,
      });
      return { id: claim.id, status: 'granted' as const, named, decidedAt: now.toISOString() };
    });
  }

  refuse(
    actor: Actor,
    id: string,
    reason: string,
    requestId: string | null,
    now = new Date(),
  ): Promise<DecidedContributionClaimDto> {
    this.access.assert(actor, 'contribution.decide_claim');
    const said = reason.trim();
    if (!said || said.length > CLAIM_REASON_MAX)
      throw new ValidationFailed([
        { field: 'reason', code: said ? 'too_long' : 'required', message: 'Say why, in 1 to 1000 characters.' },
      ]);
    return this.repo.transaction(async (m) => {
      const claim = await this.open(id, m);
      await this.repo.decide(claim, { status: 'refused', by: actor.personId, reason: said, at: now }, m);
      await this.audit.append(m, {
        actorId: actor.personId,
        action: 'contribution.claim_refused',
        subjectType: 'idea',
        subjectId: claim.ideaId,
        data: { claimId: claim.id, reason: said },
        requestId,
      });
      return { id: claim.id, status: 'refused' as const, named: 0, decidedAt: now.toISOString() };
    });
  }

  private async open(id: string, m: Parameters<ClaimsRepository['lock']>[1]): Promise<ContributionClaim> {
    const claim = await this.repo.lock(id, m);
    if (!claim) throw new NotFound('contribution_claim', id);
    if (claim.status !== 'pending') throw new Conflict('claim_decided', 'This claim was already decided.');
    return claim;
  }

  private async presentMine(claims: readonly ContributionClaim[]): Promise<MyContributionClaimDto[]> {
    const ideas = await this.repo.ideas(claims.map((c) => c.ideaId));
    return claims.map((c) => ({
      id: c.id,
      ideaId: c.ideaId,
      ideaTitle: ideas.get(c.ideaId)?.title ?? '',
      status: c.status,
      requestedAt: c.requestedAt.toISOString(),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      reason: c.reason,
    }));
  }
}

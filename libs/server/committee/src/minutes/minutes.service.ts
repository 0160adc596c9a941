import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { minutesBlocks, NotFound, type Actor, type MinutesBlock } from '@eclore/domain';
import { AccessService, type Person } from '@eclore/server-identity';
import { IdeaAccess, ideasByIds } from '@eclore/server-ideas';
import type { CommitteeSessionMember } from '../entities';
import { SessionsRepository } from '../sessions/sessions.repository';

const fullName = (p: Person | undefined): string => (p ? `${p.givenName} ${p.familyName}` : '');

/** Type sizes per block; Helvetica's WinAnsi encoding covers French (é, è, œ, ’, «, €). */
const STYLE: Record<MinutesBlock['kind'], { font: string; size: number; gap: number }> = {
  title: { font: 'Helvetica-Bold', size: 16, gap: 0.8 },
  heading: { font: 'Helvetica-Bold', size: 13, gap: 0.5 },
  item: { font: 'Helvetica-Bold', size: 11, gap: 0.2 },
  text: { font: 'Helvetica', size: 11, gap: 0.3 },
};

/** The minutes (procès-verbal) of a session as a PDF in the session's language. */
@Injectable()
export class MinutesService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: SessionsRepository,
    private readonly access: AccessService,
    private readonly ideas: IdeaAccess,
  ) {}

  async pdf(actor: Actor, sessionId: string): Promise<{ filename: string; content: Buffer }> {
    this.access.assert(actor, 'committee.read');
    const manager = this.ds.manager;
    const session = await this.repo.find(sessionId, manager);
    if (!session) throw new NotFound('committee_session', sessionId);
    const [members, items] = await Promise.all([
      this.repo.members(sessionId, manager),
      this.repo.items(sessionId, manager),
    ]);
    // Like the session page: an agenda idea the reader may not read (its own read policy) is left out.
    const loaded = await this.ideas.complete(
      manager,
      await ideasByIds(
        manager,
        items.map((i) => i.ideaId),
      ),
      actor,
    );
    const titles = new Map(loaded.filter((l) => this.ideas.canRead(l)).map((l) => [l.idea.id, l.idea.title]));
    const names = (list: CommitteeSessionMember[]) =>
      list.map((m) => fullName(m.person)).sort((a, b) => a.localeCompare(b, session.language));
    // Before closing, presence is not recorded: everyone invited is listed as present.
    const blocks = minutesBlocks({
      title: session.title,
      scheduledAt: session.scheduledAt,
      language: session.language,
      chair: fullName(members.find((m) => m.chair)?.person),
      present: names(members.filter((m) => m.present !== false)),
      absent: names(members.filter((m) => m.present === false)),
      items: items
        .filter((i) => titles.has(i.ideaId))
        .map((i) => ({
          title: titles.get(i.ideaId)!,
          decision: i.decision,
          rationale: i.rationale,
          until: i.parkedUntil,
        })),
    });
    const day = session.scheduledAt.toISOString().slice(0, 10);
    const filename = `${session.language === 'fr' ? 'proces-verbal' : 'minutes'}-${day}.pdf`;
    return { filename, content: await render(blocks, session.language, session.title) };
  }
}

function render(blocks: readonly MinutesBlock[], language: string, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, lang: language, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const block of blocks) {
      const style = STYLE[block.kind];
      if (block.kind === 'heading' || block.kind === 'item') doc.moveDown(0.5);
      doc.font(style.font).fontSize(style.size).text(block.text);
      doc.moveDown(style.gap);
    }
    doc.end();
  });
}

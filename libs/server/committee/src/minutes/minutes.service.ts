import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { minutesBlocks, NotFound, type Actor, type MinutesBlock } from '@eclore/domain';
import { AccessService, type Person } from '@eclore/server-identity';
import { PDF_FONT, renderPdf, type PdfFontName, readsOn } from '@eclore/server-platform';
import { IdeaAccess, ideasByIds } from '@eclore/server-ideas';
import type { CommitteeSessionMember } from '../entities';
import { SessionsRepository } from '../sessions/sessions.repository';

const fullName = (p: Person | undefined): string => (p ? `${p.givenName} ${p.familyName}` : '');

/** Type sizes per block, in the embedded Unicode font (names like Łukasz or Nguyễn print as written). */
const STYLE: Record<MinutesBlock['kind'], { font: PdfFontName; size: number; gap: number }> = {
  title: { font: PDF_FONT.bold, size: 16, gap: 0.8 },
  heading: { font: PDF_FONT.bold, size: 13, gap: 0.5 },
  item: { font: PDF_FONT.bold, size: 11, gap: 0.2 },
  text: { font: PDF_FONT.regular, size: 11, gap: 0.3 },
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
    const [members, items] = await readsOn(manager, [
      () => this.repo.members(sessionId, manager),
      () => this.repo.items(sessionId, manager),
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
  return renderPdf({ size: 'A4', margin: 56, lang: language, info: { Title: title } }, (doc) => {
    for (const block of blocks) {
      const style = STYLE[block.kind];
      if (block.kind === 'heading' || block.kind === 'item') doc.moveDown(0.5);
      doc.font(style.font).fontSize(style.size).text(block.text);
      doc.moveDown(style.gap);
    }
  });
}

import 'reflect-metadata';
import { DEFAULT_CHARTER } from '@eclore/domain';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makePerson, makeUnit, refusal, type TestPerson } from '../../../../../test/harness';
import { RecognitionModule } from '../recognition.module';
import { AnnualFiguresService } from '../report/annual-figures.service';
import { CharterService } from './charter.service';
import type { SetCharterInput } from './charter.dto';

const YEAR = new Date().getUTCFullYear() - 1;

/** The charter's commitments and HR's yearly inputs on real PostgreSQL: defaults, history, validation, audit. */
describe('the charter (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let charter: CharterService;
  let hr: TestPerson;
  let admin: TestPerson;
  let lead: TestPerson;
  let employee: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'charter', imports: [RecognitionModule] });
    charter = ctx.get(CharterService);
    const unit = await makeUnit(ctx.ds);
    hr = await makePerson(ctx.ds, { roles: ['hr'], password: null });
    admin = await makePerson(ctx.ds, { roles: ['admin'], password: null });
    lead = await makePerson(ctx.ds, { roles: [{ role: 'network_lead', unit }], password: null });
    employee = await makePerson(ctx.ds, { unit, password: null });
  });
  afterAll(() => ctx?.close());

  const audits = async (action: string) =>
    (await ctx.ds.query(`SELECT subject_id, data FROM audit_event WHERE action = $1 ORDER BY id`, [action])) as {
      subject_id: string;
      data: Record<string, unknown>;
    }[];

  it('starts with the charter’s seven default commitments and their indicators, readable by the report’s readers', async () => {
    const read = await charter.read(lead.actor);
    expect(read.commitments.map((c) => [c.key, c.title.fr, c.title.en, c.indicators])).toEqual(
      DEFAULT_CHARTER.map((c) => [c.key, c.title.fr, c.title.en, c.indicators]),
    );
    expect(read.history).toEqual([]);
    expect(await refusal(charter.read(employee.actor))).toEqual({ code: 'role_required', fields: [] });
  });

  it('renames, reorders, adds and retires commitments, keeping every earlier version', async () => {
    const current = (await charter.read(hr.actor)).commitments;
    const next: SetCharterInput = {
      commitments: [
        // celebrate moves first; train renamed; communicate retired; a new one at the end
        ...current.filter((c) => c.key === 'celebrate'),
        ...current
          .filter((c) => !['celebrate', 'communicate'].includes(c.key))
          .map((c) =>
            c.key === 'train' ? { ...c, title: { fr: 'Former et accompagner', en: 'Train and coach' } } : c,
          ),
        {
          key: 'open_data',
          title: { fr: 'Ouvrir les données', en: 'Open the data' },
          indicators: ['implemented_ideas'],
        },
      ].map((c) => ({ key: c.key, title: c.title, indicators: [...c.indicators] })),
    };
    const after = await charter.set(hr.actor, next, null);
    expect(after.commitments.map((c) => c.key)).toEqual([
      'celebrate',
      'train',
      'practise',
      'measure_and_report',
      'recognise',
      'link_hr_quality_rd',
      'open_data',
    ]);
    expect(after.commitments.find((c) => c.key === 'train')!.title).toEqual({
      fr: 'Former et accompagner',
      en: 'Train and coach',
    });
    // Earlier versions: every row that moved, was renamed or retired, closed but kept; the ones left
    // in place (measure and report, recognise, link…: same position and titles) are not versioned.
    const closed = after.history.map((h) => h.key).sort();
    expect(closed).toEqual(['celebrate', 'communicate', 'practise', 'train']);
    expect(after.history.find((h) => h.key === 'train')!.title.fr).toBe('Former');
    expect(after.history.every((h) => h.validTo !== null)).toBe(true);
    const [audit] = await audits('charter.changed');
    expect(audit!.data).toMatchObject({ added: ['open_data'], retired: ['communicate'] });

    // Saving the same charter again changes nothing.
    const same = await charter.set(admin.actor, next, null);
    expect(same.history).toHaveLength(after.history.length);
  });

  it('refuses a bad charter naming the field, and anyone but HR and admins', async () => {
    const one = { key: 'train', title: { fr: 'Former', en: 'Train' }, indicators: ['people_trained'] };
    expect(await refusal(charter.set(lead.actor, { commitments: [one] }, null))).toEqual({
      code: 'role_required',
      fields: [],
    });
    expect(await refusal(charter.set(hr.actor, { commitments: [] }, null))).toEqual({
      code: 'validation_failed',
      fields: ['commitments'],
    });
    expect(
      await refusal(
        charter.set(
          hr.actor,
          { commitments: [one, { ...one, title: { fr: ' ', en: 'x' }, indicators: ['salary'] }] },
          null,
        ),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: ['commitments.1.title.fr', 'commitments.1.indicators', 'commitments.1.key'],
    });
  });

  it('keeps HR’s yearly inputs with their history; a correction keeps the earlier entry; audited', async () => {
    expect(await charter.inputs(hr.actor, YEAR)).toEqual({ year: YEAR, current: null, history: [] });
    await charter.setInputs(hr.actor, YEAR, { peopleTrained: 120, communicationActions: 4, budget: 15000.5 }, null);
    const corrected = await charter.setInputs(
      admin.actor,
      YEAR,
      { peopleTrained: 125, communicationActions: 4, celebrationsHeld: 2, budget: 15000.5 },
      null,
    );
    expect(corrected.current).toMatchObject({
      peopleTrained: 125,
      communicationActions: 4,
      celebrationsHeld: 2,
      budget: '15000.50',
      supersededAt: null,
      enteredBy: admin.person.id,
    });
    expect(corrected.history).toHaveLength(2);
    expect(corrected.history[1]).toMatchObject({ peopleTrained: 120, celebrationsHeld: null, enteredBy: hr.person.id });
    expect(corrected.history[1]!.supersededAt).not.toBeNull();
    expect((await audits('charter.inputs_set')).map((a) => [a.subject_id, a.data['peopleTrained']])).toEqual([
      [String(YEAR), 120],
      [String(YEAR), 125],
    ]);
    // A network lead reads them; only HR and admins enter them.
    expect((await charter.inputs(lead.actor, YEAR)).current?.peopleTrained).toBe(125);
    expect(await refusal(charter.setInputs(lead.actor, YEAR, { peopleTrained: 1 }, null))).toEqual({
      code: 'role_required',
      fields: [],
    });
    // The annual figures read the entry in force.
    const figures = await ctx.get(AnnualFiguresService).figures(hr.actor, YEAR, null);
    expect(figures.charterInputs).toEqual({
      peopleTrained: 125,
      communicationActions: 4,
      celebrationsHeld: 2,
      budget: '15000.50',
    });
  });

  it('refuses inputs out of range naming each field, and years outside 2000 to now', async () => {
    expect(
      await refusal(
        charter.setInputs(
          hr.actor,
          YEAR,
          { peopleTrained: -1, communicationActions: 100_001, celebrationsHeld: 2.5, budget: 10.123 },
          null,
        ),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: ['peopleTrained', 'communicationActions', 'celebrationsHeld', 'budget'],
    });
    expect(
      await refusal(charter.setInputs(hr.actor, YEAR, { peopleTrained: 'ten' as unknown as number }, null)),
    ).toEqual({ code: 'validation_failed', fields: ['peopleTrained'] });
    expect(await refusal(charter.setInputs(hr.actor, new Date().getUTCFullYear() + 1, {}, null))).toEqual({
      code: 'validation_failed',
      fields: ['year'],
    });
    expect(await refusal(charter.inputs(hr.actor, 1999))).toEqual({ code: 'validation_failed', fields: ['year'] });
    // Nothing was stored by a refusal.
    expect((await charter.inputs(hr.actor, YEAR)).history).toHaveLength(2);
  });
});

import { STAGES, type IdeaState } from './idea';
import { publicTimeline } from './timeline';
import { transition, type IdeaActorContext, type IdeaCommand, type IdeaEvent } from './transitions';
import { makeIdea, personas, validCommand } from './testing';

/** Runs commands one day apart and returns the idea and its events. */
function run(steps: [IdeaCommand, IdeaActorContext][]): { idea: IdeaState; events: IdeaEvent[] } {
  let idea = makeIdea('emerge');
  const events: IdeaEvent[] = [];
  steps.forEach(([command, ctx], day) => {
    const result = transition(idea, command, ctx, new Date(Date.UTC(2026, 0, day + 1)));
    if (!result.ok) throw result.error;
    idea = result.next;
    events.push(result.event);
  });
  return { idea, events };
}

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe('publicTimeline', () => {
  it('dates each stage reached and marks the current one, leaving out private events', () => {
    const { idea, events } = run([
      [{ type: 'submit' }, personas.author],
      [{ type: 'return_to_authors', reason: 'Too vague.' }, personas.networkInScope],
      [{ type: 'submit' }, personas.author],
      [{ type: 'accept' }, personas.networkInScope],
      [{ type: 'start_qualification' }, personas.networkInScope],
      [validCommand('qualify'), personas.networkInScope],
    ]);
    const timeline = publicTimeline(idea, [...events].reverse());
    expect(timeline.steps.map((s) => s.stage)).toEqual([...STAGES]);
    expect(timeline.steps.filter((s) => s.reached).map((s) => [s.stage, s.at])).toEqual([
      ['emerge', null],
      ['collect', day(1)],
      ['visible', day(4)],
      ['qualify', day(5)],
      ['decide', day(6)],
    ]);
    expect(timeline.steps.filter((s) => s.current).map((s) => s.stage)).toEqual(['decide']);
    expect(timeline.outcome).toBeNull();
    expect(timeline.events.map((e) => e.type)).toEqual(['accept', 'start_qualification', 'qualify']);
  });

  it('shows a parked idea at the decision stage with its outcome', () => {
    const { idea, events } = run([
      [{ type: 'submit' }, personas.author],
      [{ type: 'accept' }, personas.networkInScope],
      [{ type: 'start_qualification' }, personas.networkInScope],
      [validCommand('qualify'), personas.networkInScope],
      [{ type: 'park', rationale: 'Next year.', until: new Date(Date.UTC(2027, 0, 1)) }, personas.committeeInScope],
    ]);
    const timeline = publicTimeline(idea, events);
    expect(timeline.outcome).toBe('parked');
    expect(timeline.steps.find((s) => s.current)?.stage).toBe('decide');
  });

  it('shows where a declined idea stopped, with no current stage', () => {
    const { idea, events } = run([
      [{ type: 'submit' }, personas.author],
      [{ type: 'accept' }, personas.networkInScope],
      [{ type: 'decline', rationale: 'Already done elsewhere.' }, personas.networkInScope],
    ]);
    const timeline = publicTimeline(idea, events);
    expect(timeline.outcome).toBe('declined');
    expect(timeline.steps.some((s) => s.current)).toBe(false);
    expect(timeline.steps.filter((s) => s.reached).map((s) => s.stage)).toEqual(['emerge', 'collect', 'visible']);
    expect(timeline.events.map((e) => e.type)).toEqual(['accept', 'decline']);
  });
});

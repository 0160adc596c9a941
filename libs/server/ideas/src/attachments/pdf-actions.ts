import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
  PDFHexString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

/**
 * PDF action types (ISO 32000-2 §12.6.4). Only plain navigation survives: going to a page of this
 * document, a named viewer command (next page…), an article thread, and a web or mail link.
 * Everything that runs code (JavaScript, RichMediaExecute, Rendition with its /JS), starts a
 * program (Launch), sends or reads data (SubmitForm, ImportData), opens another file (GoToR, GoToE,
 * GoToDp) or plays or changes things behind the reader's back (Sound, Movie, Hide, SetOCGState,
 * Trans, GoTo3DView, ResetForm) is removed wherever it hangs: document open action, the document's
 * JavaScript name tree, page/annotation/field additional actions (/AA), link annotations (/A), and
 * /Next chains.
 */
const ACTION_TYPES = new Set([
  'GoTo',
  'GoToR',
  'GoToE',
  'GoToDp',
  'Launch',
  'Thread',
  'URI',
  'Sound',
  'Movie',
  'Hide',
  'Named',
  'SubmitForm',
  'ResetForm',
  'ImportData',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
  'JavaScript',
  'RichMediaExecute',
]);
const KEPT_ACTIONS = new Set(['GoTo', 'Named', 'Thread', 'URI']);
const SAFE_URI = /^(https?:|mailto:)/i;

const S = PDFName.of('S');
const URI = PDFName.of('URI');
const JS = PDFName.of('JS');
const NAMES = PDFName.of('Names');
const ACRO_FORM = PDFName.of('AcroForm');
/** XFA form packets carry their own scripts. */
const XFA = PDFName.of('XFA');
const JAVASCRIPT = PDFName.of('JavaScript');

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** True for an action dictionary a reader could run that is not plain navigation. */
function isRemovedAction(context: PDFContext, dict: PDFDict): boolean {
  const type = dict.get(S);
  if (!(type instanceof PDFName)) return false;
  const name = type.decodeText();
  if (!ACTION_TYPES.has(name)) return false;
  if (!KEPT_ACTIONS.has(name)) return true;
  if (name !== 'URI') return false;
  // A link action stays only for a web or mail address (not javascript:, file:, data:…).
  const uri = text(context.lookup(dict.get(URI)));
  return uri === undefined || !SAFE_URI.test(uri.trim());
}

const dictOf = (object: PDFObject | undefined): PDFDict | undefined =>
  object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;

/**
 * Removes every action that is not plain navigation, and every script, from a loaded document, in
 * place. Both the references and the objects go: pdf-lib writes every object of the context,
 * referenced or not, so an orphaned action or script stream would otherwise still be in the file.
 * Returns how many places were cleaned (for tests and logs).
 */
export function removePdfActions(context: PDFContext, catalog: PDFDict): number {
  return new ActionRemover(context).run(catalog);
}

/** One pass of removePdfActions: what is marked for deletion, and how many places were cleaned. */
class ActionRemover {
  private readonly doomed = new Set<PDFRef>();
  private removed = 0;

  constructor(private readonly context: PDFContext) {}

  run(catalog: PDFDict): number {
    const names = dictOf(this.context.lookup(catalog.get(NAMES)));
    if (names?.has(JAVASCRIPT)) {
      names.delete(JAVASCRIPT);
      this.removed += 1;
    }
    const form = dictOf(this.context.lookup(catalog.get(ACRO_FORM)));
    if (form?.has(XFA)) {
      this.doomCode(form.get(XFA));
      form.delete(XFA);
      this.removed += 1;
    }
    for (const [ref, object] of this.context.enumerateIndirectObjects()) {
      const dict = dictOf(object);
      if (dict && isRemovedAction(this.context, dict)) {
        this.doomed.add(ref);
        this.doomCode(dict.get(JS));
      } else if (dict) this.cleanDict(dict);
      else this.clean(object);
    }
    for (const ref of this.doomed) this.context.delete(ref);
    return this.removed;
  }

  /** Marks for deletion what a removed object points to that holds code (its script, an XFA packet). */
  private doomCode(value: PDFObject | undefined): void {
    if (value instanceof PDFRef) this.doomed.add(value);
    else if (value instanceof PDFArray) value.asArray().forEach((v) => this.doomCode(v));
  }

  private isDoomed(value: PDFObject | undefined): boolean {
    if (value instanceof PDFRef) {
      if (this.doomed.has(value)) return true;
      const target = dictOf(this.context.lookup(value));
      if (target && isRemovedAction(this.context, target)) {
        this.doomed.add(value);
        this.doomCode(target.get(JS));
        return true;
      }
      return false;
    }
    const dict = dictOf(value);
    if (dict === undefined || !isRemovedAction(this.context, dict)) return false;
    this.doomCode(dict.get(JS));
    return true;
  }

  // Scripts referenced by /JS (strings or streams) go with their action, wherever they sit.
  private cleanDict(dict: PDFDict): void {
    for (const [key, value] of dict.entries()) {
      if (key === JS || this.isDoomed(value)) {
        if (key === JS) this.doomCode(value);
        dict.delete(key);
        this.removed += 1;
      } else this.clean(value);
    }
  }

  private cleanArray(array: PDFArray): void {
    for (let i = array.size() - 1; i >= 0; i -= 1) {
      if (this.isDoomed(array.get(i))) {
        array.remove(i);
        this.removed += 1;
      } else this.clean(array.get(i));
    }
  }

  // Inline values only: indirect objects are each visited by run's loop.
  private clean(value: PDFObject): void {
    if (value instanceof PDFArray) this.cleanArray(value);
    else if (value instanceof PDFDict) this.cleanDict(value);
  }
}

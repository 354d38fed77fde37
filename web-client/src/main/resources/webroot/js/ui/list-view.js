// The board as a list, one switch away from the canvas: for screen-reader users and anyone who
// prefers reading to looking. The room is a heading, each section a heading with its notes as a
// list in reading order, then the notes outside every section; each note says its text, author,
// colour and votes, and can be edited, recoloured, moved to another section, voted on and
// deleted from here. What others change is summarised politely now and then (change-digest.js).
import { h, setAttr, setText } from './dom.js';
import { authorName } from './board-items.js';
import { outline } from '../state/board-outline.js';
import { NOTE_COLORS, NOTE_TEXT_MAX, noteColor } from '../state/limits.js';

const LOOSE = '';
let formCount = 0;

/**
 * actions: createNote(sectionId|null, text) -> id, saveNote(id, patch), saveNoteText(id, text, baseText),
 * writing(id, text, baseText) (the open form, as typed), writingDone(id), moveNote(id, sectionId|null),
 * deleteNote(id) -> Promise<boolean>, vote(id, delta)
 */
export function mountListView(root, actions) {
  const heading = h('h2', { id: 'list-view-heading', className: 'list-view__heading', tabindex: '-1' });
  const summary = h('p', { className: 'hint', 'data-testid': 'list-summary' });
  const groupsBox = h('div', { className: 'list-view__groups' });
  const live = h('div', { className: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'list-live' });
  root.append(heading, summary, groupsBox, live);

  /** section id (LOOSE for notes outside sections) -> group record */
  const groups = new Map();
  /** note id -> note record */
  const notes = new Map();
  let model = null;
  let liveTimer = null;

  function say(text) {
    clearTimeout(liveTimer);
    live.textContent = '';
    liveTimer = setTimeout(() => { live.textContent = text; }, 50);
  }

  // ---------- groups ----------

  function createGroup(key) {
    const titleId = `list-group-${key || 'loose'}`;
    const title = h('h3', { id: titleId, className: 'list-group__title' });
    const count = h('span', { className: 'list-group__count' });
    title.append(count);
    const list = h('ul', { className: 'list-notes', 'aria-labelledby': titleId });
    const empty = h('p', { className: 'hint list-group__empty' });
    const add = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'list-add-note' });
    const form = noteForm({
      save: (text, color) => {
        const id = actions.createNote(key || null, text, color);
        closeAddForm(group);
        if (id) say(model.t('listView.added', { section: group.name }));
      },
      cancel: () => closeAddForm(group),
    });
    const el = h('section', { className: 'list-group', 'aria-labelledby': titleId, 'data-testid': 'list-section', 'data-section': key || null }, [
      title, list, empty, add, form.el,
    ]);
    const group = { key, el, title, count, list, empty, add, form, name: '' };
    add.addEventListener('click', () => {
      form.open('', model.defaultColor);
      add.hidden = true;
    });
    return group;
  }

  function closeAddForm(group) {
    group.form.close();
    group.add.hidden = false;
    group.add.focus();
  }

  function updateGroup(group, section, count, t) {
    group.name = section ? (section.title || t('section.untitled')) : t('listView.loose');
    if (group.title.firstChild !== group.count) group.title.firstChild.remove();
    group.title.insertBefore(document.createTextNode(group.name), group.count);
    setText(group.count, ` (${t(count === 1 ? 'listView.noteCountOne' : 'listView.noteCount', { count })})`);
    setText(group.empty, t('listView.noNotes'));
    group.empty.hidden = count > 0;
    setText(group.add, t('listView.addNote', { section: group.name }));
    group.add.disabled = model.readOnly;
    if (model.readOnly) group.form.close();
    group.add.hidden = model.readOnly ? false : group.form.isOpen();
    group.form.translate(t);
  }

  // ---------- notes ----------

  function createNoteRecord(id) {
    const textId = `list-note-text-${id}`;
    const text = h('p', { className: 'list-note__text', id: textId });
    const meta = h('p', { className: 'list-note__meta' });
    const edit = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'list-edit', 'aria-describedby': textId });
    const move = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'list-move', 'aria-describedby': textId, 'aria-expanded': 'false' });
    const vote = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'list-vote', 'aria-describedby': textId });
    const unvote = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'list-unvote', 'aria-describedby': textId });
    const remove = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'list-delete', 'aria-describedby': textId });
    const actionsBox = h('div', { className: 'list-note__actions' }, [edit, move, vote, unvote, remove]);
    const record = { id, el: null, text, meta, edit, move, vote, unvote, remove, actionsBox, form: null, mover: null, base: '' };
    record.form = noteForm({
      save: (value, color) => {
        const note = model.notes.get(id);
        // The text is saved from what it was when the form opened: someone else's save meanwhile is merged or offered.
        if (note && value !== record.base) actions.saveNoteText(id, value, record.base);
        if (note && color !== noteColor(note.color)) actions.saveNote(id, { color });
        closeNoteForm(record);
        say(model.t('listView.saved'));
      },
      cancel: () => closeNoteForm(record),
      typed: (value) => actions.writing(id, value, record.base),
    });
    record.mover = moveForm({
      move: (sectionId) => {
        closeMover(record);
        if (sectionId !== currentSectionOf(id)) {
          actions.moveNote(id, sectionId || null);
          say(model.t('listView.moved', { section: groups.get(sectionId)?.name ?? '' }));
        }
      },
      cancel: () => closeMover(record),
    });
    record.el = h('li', { className: 'list-note', 'data-testid': 'list-note', 'data-id': id }, [
      text, meta, actionsBox, record.form.el, record.mover.el,
    ]);
    edit.addEventListener('click', () => {
      const note = model.notes.get(id);
      record.base = note?.text ?? '';
      record.form.open(record.base, noteColor(note?.color));
      actionsBox.hidden = true;
    });
    move.addEventListener('click', () => {
      record.mover.open(sectionChoices(), currentSectionOf(id));
      setAttr(move, 'aria-expanded', 'true');
      actionsBox.hidden = true;
    });
    vote.addEventListener('click', () => actions.vote(id, 1));
    unvote.addEventListener('click', () => actions.vote(id, -1));
    remove.addEventListener('click', async () => {
      const next = record.el.nextElementSibling ?? record.el.previousElementSibling;
      const group = record.el.closest('.list-group');
      if (await actions.deleteNote(id)) {
        say(model.t('listView.deleted'));
        (next?.querySelector('button') ?? group?.querySelector('[data-testid="list-add-note"]') ?? heading).focus();
      } else {
        remove.focus();
      }
    });
    return record;
  }

  function closeNoteForm(record) {
    record.form.close();
    actions.writingDone(record.id);
    record.actionsBox.hidden = false;
    record.edit.focus();
  }

  function closeMover(record) {
    record.mover.close();
    setAttr(record.move, 'aria-expanded', 'false');
    record.actionsBox.hidden = false;
    record.move.focus();
  }

  function updateNoteRecord(record, note, t) {
    const visibility = model.visibilityOf(note);
    const placeholder = visibility === 'placeholder';
    const body = placeholder ? t('private.placeholder') : (note.text ?? '').trim() || t('listView.emptyNote');
    setText(record.text, body);
    record.text.classList.toggle('is-empty', placeholder || !(note.text ?? '').trim());
    const parts = [t('listView.by', { author: authorName(note, model.participants, t) }), t(`color.${noteColor(note.color)}`)];
    if (visibility === 'mine') parts.push(t('private.onlyYou'));
    else if (visibility === 'facilitator') parts.push(t('private.hiddenMarker'));
    const result = model.voting.results?.get(note.id);
    if (model.voting.results) parts.push(t('voting.count', { count: result ?? 0 }));
    const canVote = Boolean(model.voting.canVote?.(note));
    const mine = model.voting.mine?.[note.id] ?? 0;
    if (canVote) parts.push(t('voting.mine', { count: mine }));
    const writers = model.writerNames(note.id);
    if (writers) parts.push(t('note.writing', { names: writers }));
    setText(record.meta, parts.join(' · '));
    record.el.dataset.noteColor = noteColor(note.color);

    const editable = !model.readOnly && !placeholder;
    record.edit.hidden = !editable;
    setText(record.edit, t('listView.edit'));
    record.move.hidden = model.readOnly;
    setText(record.move, t('listView.move'));
    record.remove.hidden = model.readOnly;
    setText(record.remove, t('listView.delete'));
    record.vote.hidden = !canVote;
    setText(record.vote, `+ ${t('voting.vote')}`);
    record.unvote.hidden = !canVote || mine === 0;
    setText(record.unvote, `− ${t('voting.takeBack')}`);
    // Locked while writing: the text is saved all the same (kept as a draft until the board opens).
    if (model.readOnly && record.form.isOpen()) record.form.submit();
    if (model.readOnly && record.mover.isOpen()) closeMover(record);
    record.form.translate(t);
    record.mover.translate(t);
  }

  function currentSectionOf(id) {
    for (const group of groups.values()) {
      if (notes.get(id)?.el.parentElement === group.list) return group.key;
    }
    return LOOSE;
  }

  function sectionChoices() {
    return [...groups.values()].map((group) => ({ value: group.key, label: group.name }));
  }

  // ---------- render ----------

  function render() {
    const { t } = model;
    setText(heading, t('listView.heading', { room: model.roomName }));
    const shape = outline(model.notes.values(), model.sections.values());
    setText(summary, t('listView.summary', { sections: shape.groups.length, notes: model.notes.size }));
    const wanted = [...shape.groups.map((g) => ({ key: g.section.id, section: g.section, notes: g.notes })),
      { key: LOOSE, section: null, notes: shape.loose }];

    // Moving nodes that hold focus blurs them: remember it and put it back.
    const focused = root.contains(document.activeElement) ? document.activeElement : null;
    let ref = groupsBox.firstChild;
    for (const { key, section, notes: members } of wanted) {
      let group = groups.get(key);
      if (!group) {
        group = createGroup(key);
        groups.set(key, group);
      }
      if (group.el !== ref) groupsBox.insertBefore(group.el, ref);
      else ref = ref.nextSibling;
      let noteRef = group.list.firstChild;
      for (const note of members) {
        let record = notes.get(note.id);
        if (!record) {
          record = createNoteRecord(note.id);
          notes.set(note.id, record);
        }
        updateNoteRecord(record, note, t);
        if (record.el !== noteRef) group.list.insertBefore(record.el, noteRef);
        else noteRef = noteRef.nextSibling;
      }
      updateGroup(group, section, members.length, t);
    }
    const keys = new Set(wanted.map((g) => g.key));
    for (const [key, group] of groups) {
      if (!keys.has(key)) {
        group.el.remove();
        groups.delete(key);
      }
    }
    for (const [id, record] of notes) {
      if (!model.notes.has(id)) {
        record.el.remove();
        notes.delete(id);
      }
    }
    if (focused && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
  }

  return {
    /**
     * { t, roomName, notes, sections, participants, readOnly, defaultColor, visibilityOf(note), writerNames(id),
     *   voting: { canVote(note)|null, mine, results: Map|null } }
     */
    update(next) {
      model = next;
      if (!root.hidden) render();
    },
    /** Says a summary of others' changes (a text already worded). */
    announce(text) {
      say(text);
    },
    show(visible) {
      root.hidden = !visible;
      if (visible && model) render();
    },
    focus() {
      heading.focus();
    },
  };
}

/**
 * An inline form under a note or section: its fields, then OK and Cancel; Enter on OK (or the
 * form's submit) calls submit, Escape calls cancel. Returns { el, close, isOpen, translate(ok, t) }.
 */
function inlineForm(fields, { submit, cancel, okTestId }) {
  const ok = h('button', { type: 'submit', className: 'button button--small', 'data-testid': okTestId });
  const no = h('button', { type: 'button', className: 'button button--secondary button--small', onclick: () => cancel() });
  const el = h('form', { className: 'list-form', hidden: true }, [...fields, h('div', { className: 'list-form__buttons' }, [ok, no])]);
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  el.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  });
  return {
    el,
    close() { el.hidden = true; },
    isOpen: () => !el.hidden,
    translate(okText, t) {
      setText(ok, okText);
      setText(no, t('confirm.cancel'));
    },
  };
}

/** A label for a control, tied by a fresh id. */
function labelled(control, prefix) {
  formCount += 1;
  control.id = `${prefix}-${formCount}`;
  const label = h('label', {});
  label.htmlFor = control.id;
  return label;
}

/** The form that writes a note: text and colour, saved with the button or Ctrl+Enter. */
function noteForm({ save, cancel, typed = null }) {
  const textarea = h('textarea', { className: 'list-form__text', maxlength: String(NOTE_TEXT_MAX), rows: '3', 'data-testid': 'list-note-text' });
  const textLabel = labelled(textarea, 'list-form-text');
  const select = h('select', { 'data-testid': 'list-note-color' }, NOTE_COLORS.map((color) => h('option', { value: color })));
  const colorLabel = labelled(select, 'list-form-color');
  const submit = () => save(textarea.value, select.value);
  const form = inlineForm([
    h('div', { className: 'field' }, [textLabel, textarea]),
    h('div', { className: 'field list-form__color' }, [colorLabel, select]),
  ], { submit, cancel, okTestId: 'list-save' });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
  if (typed) textarea.addEventListener('input', () => typed(textarea.value));
  return {
    ...form,
    submit,
    open(text, color) {
      textarea.value = text;
      select.value = color;
      form.el.hidden = false;
      textarea.focus();
      typed?.(text);
    },
    translate(t) {
      setText(textLabel, t('note.editLabel'));
      setText(colorLabel, t('toolbar.color'));
      for (const option of select.options) setText(option, t(`color.${option.value}`));
      form.translate(t('listView.save'), t);
    },
  };
}

/** The form that moves a note: the target section, chosen from a list. */
function moveForm({ move, cancel }) {
  const select = h('select', { 'data-testid': 'list-move-target' });
  const label = labelled(select, 'list-move');
  const form = inlineForm([h('div', { className: 'field' }, [label, select])],
    { submit: () => move(select.value), cancel, okTestId: 'list-move-ok' });
  return {
    ...form,
    open(choices, current) {
      select.replaceChildren(...choices.map((choice) => h('option', { value: choice.value, text: choice.label })));
      select.value = current;
      form.el.hidden = false;
      select.focus();
    },
    translate(t) {
      setText(label, t('listView.moveTo'));
      form.translate(t('listView.moveOk'), t);
    },
  };
}

import * as core from '@actions/core';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationPlace {
  file: string;
  startLine: number;
  title: string;
}

/**
 * Everything the run does to the runner, behind one seam so tests can record
 * it. Messages may carry text from the pull request: line breaks are folded
 * so none of it can start a `::workflow-command::` line of its own.
 */
export interface ActionIo {
  getInput(name: string): string;
  info(message: string): void;
  warning(message: string): void;
  annotate(level: AnnotationLevel, message: string, place: AnnotationPlace): void;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  setFailed(message: string): void;
  writeJobSummary(markdown: string): Promise<void>;
}

export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export const actionsCoreIo: ActionIo = {
  getInput: (name) => core.getInput(name),
  info: (message) => core.info(oneLine(message)),
  warning: (message) => core.warning(oneLine(message)),
  annotate: (level, message, place) => {
    const props = { file: place.file, startLine: place.startLine, title: oneLine(place.title) };
    if (level === 'error') core.error(message, props);
    else if (level === 'warning') core.warning(message, props);
    else core.notice(message, props);
  },
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  setFailed: (message) => core.setFailed(oneLine(message)),
  writeJobSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
};

// Password strength with zxcvbn: common, guessable and personal passwords are refused, with advice a person can act on.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** The least zxcvbn score (0–4) accepted: 3 is "safely unguessable" for an online attack with throttling. */
export const MIN_PASSWORD_SCORE = 3;

const WARNINGS: Record<string, string> = {
  straightRow: "A row of keys on the keyboard is easy to guess.",
  keyPattern: "A short pattern of keys on the keyboard is easy to guess.",
  simpleRepeat: "Repeated characters like “aaa” are easy to guess.",
  extendedRepeat: "Repeated groups of characters like “abcabcabc” are easy to guess.",
  sequences: "Sequences like “abc” or “6543” are easy to guess.",
  recentYears: "Recent years are easy to guess.",
  dates: "Dates are easy to guess.",
  topTen: "That is one of the ten most used passwords.",
  topHundred: "That is one of the hundred most used passwords.",
  common: "That is a commonly used password.",
  similarToCommon: "That is too close to a commonly used password.",
  wordByItself: "A single word is easy to guess.",
  namesByThemselves: "Names and surnames on their own are easy to guess.",
  commonNames: "Common names and surnames are easy to guess.",
  userInputs: "It should not contain your name or email address.",
  pwned: "That password has appeared in a data breach.",
};

const SUGGESTIONS: Record<string, string> = {
  l33t: "Swapping letters for look-alikes (“@” for “a”) does not help much.",
  reverseWords: "Spelling a common word backwards does not help much.",
  allUppercase: "Capitalise some letters, not all of them.",
  capitalization: "Capitalise more than the first letter.",
  dates: "Avoid dates and years that are linked to you.",
  recentYears: "Avoid recent years.",
  associatedYears: "Avoid years that are linked to you.",
  sequences: "Avoid common sequences of characters.",
  repeated: "Avoid repeated words and characters.",
  longerKeyboardPattern: "Use longer keyboard patterns, and change direction several times.",
  anotherWord: "Add more words that are less common.",
  useWords: "Use several unrelated words: a short phrase nobody would guess.",
  noNeed: "You can make a strong password without symbols, numbers or capital letters.",
  pwned: "If you use this password elsewhere, change it there too.",
};

let factory: ZxcvbnFactory | undefined;

function estimate(password: string, userInputs: string[]): ZxcvbnResult {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory.check(password, userInputs);
}

/** The parts of an email address and a name that a password should not lean on. */
function personalWords(inputs: string[]): string[] {
  return inputs.flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3);
}

/** Why zxcvbn finds the password guessable (a warning and what to do instead), or null when it scores high enough. */
export function guessability(password: string, userInputs: string[] = []): string | null {
  const result = estimate(password, personalWords(userInputs));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  const advice = result.feedback.suggestions.map((key) => SUGGESTIONS[key]).filter((text): text is string => Boolean(text));
  const parts = [warning ?? "That password is too easy to guess.", ...(advice.length ? advice : [SUGGESTIONS.useWords!])];
  return parts.join(" ");
}

/**
 * The "Style Examples" table of the OpenAPI Specification 3.1.1, section 4.8.12.4 (Parameter Object), as
 * printed, for a parameter named `color` whose value is `undefined`, the string `"blue"`, the array
 * `["blue", "black", "brown"]` or the object `{ "R": 100, "G": 200, "B": 150 }`. `null` is the table's
 * _n/a_ (undefined behaviour) and `''` its _empty_. The query styles' `?` prefix is kept as printed; the test
 * strips it.
 */
export interface StyleExampleRow {
  style: 'matrix' | 'label' | 'simple' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode: boolean;
  undefined: string | null;
  string: string | null;
  array: string | null;
  object: string | null;
}

export const SPEC_VERSION = 'OpenAPI Specification 3.1.1, section 4.8.12.4 "Style Examples"';

export const COLOR = {
  name: 'color',
  string: 'blue',
  array: ['blue', 'black', 'brown'],
  object: { R: 100, G: 200, B: 150 },
} as const;

// biome-ignore format: one row per line, as the table is printed
export const STYLE_EXAMPLES: readonly StyleExampleRow[] = [
  { style: 'matrix', explode: false, undefined: ';color', string: ';color=blue', array: ';color=blue,black,brown', object: ';color=R,100,G,200,B,150' },
  { style: 'matrix', explode: true, undefined: ';color', string: ';color=blue', array: ';color=blue;color=black;color=brown', object: ';R=100;G=200;B=150' },
  { style: 'label', explode: false, undefined: '.', string: '.blue', array: '.blue,black,brown', object: '.R,100,G,200,B,150' },
  { style: 'label', explode: true, undefined: '.', string: '.blue', array: '.blue.black.brown', object: '.R=100.G=200.B=150' },
  { style: 'simple', explode: false, undefined: '', string: 'blue', array: 'blue,black,brown', object: 'R,100,G,200,B,150' },
  { style: 'simple', explode: true, undefined: '', string: 'blue', array: 'blue,black,brown', object: 'R=100,G=200,B=150' },
  { style: 'form', explode: false, undefined: '?color=', string: '?color=blue', array: '?color=blue,black,brown', object: '?color=R,100,G,200,B,150' },
  { style: 'form', explode: true, undefined: '?color=', string: '?color=blue', array: '?color=blue&color=black&color=brown', object: '?R=100&G=200&B=150' },
  { style: 'spaceDelimited', explode: false, undefined: null, string: null, array: '?color=blue%20black%20brown', object: '?color=R%20100%20G%20200%20B%20150' },
  { style: 'spaceDelimited', explode: true, undefined: null, string: null, array: null, object: null },
  { style: 'pipeDelimited', explode: false, undefined: null, string: null, array: '?color=blue%7Cblack%7Cbrown', object: '?color=R%7C100%7CG%7C200%7CB%7C150' },
  { style: 'pipeDelimited', explode: true, undefined: null, string: null, array: null, object: null },
  { style: 'deepObject', explode: false, undefined: null, string: null, array: null, object: null },
  { style: 'deepObject', explode: true, undefined: null, string: null, array: null, object: '?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150' },
];

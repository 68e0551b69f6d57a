import type { ShapeName } from './category-tree.js';

/** The colours one illustration is drawn with, all derived from the product colour. */
export interface Paint {
  main: string;
  dark: string;
  light: string;
}

// Fixed materials that do not follow the product colour.
const INK = '#2b2e35';
const STEEL = '#cfd5dc';
const PAPER = '#f8f6f1';
const FLAME = '#f4b23f';
const GLOW = '#ffd76a';

const stroke = (d: string, colour: string, width: number, extra = '') =>
  `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
const fill = (d: string, colour: string, extra = '') => `<path d="${d}" fill="${colour}"${extra}/>`;
const rect = (x: number, y: number, w: number, h: number, r: number, colour: string, extra = '') =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${colour}"${extra}/>`;
const circle = (cx: number, cy: number, r: number, colour: string, extra = '') =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}"${extra}/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, colour: string, extra = '') =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${colour}"${extra}/>`;
const faint = (opacity: number) => ` opacity="${opacity}"`;

/**
 * Flat illustrations on an 800 × 800 canvas, centred near (400, 420) and resting on y ≈ 630,
 * one per product type; simple paths keep each picture to a few hundred bytes.
 */
export const SHAPES: Readonly<Record<ShapeName, (p: Paint) => string>> = {
  tshirt: (p) =>
    fill(
      'M300 190L250 205L160 285L220 365L268 335V620H532V335L580 365L640 285L550 205L500 190Q400 250 300 190Z',
      p.main,
    ) +
    stroke('M300 190Q400 252 500 190', p.dark, 16) +
    stroke('M268 335L250 262M532 335L550 262', p.dark, 5, faint(0.35)) +
    circle(462, 300, 14, p.light),
  hoodie: (p) =>
    fill(
      'M305 215L235 235L180 330L150 570L215 580L250 400L262 630H538L550 400L585 580L650 570L620 330L565 235L495 215Z',
      p.main,
    ) +
    fill('M300 225Q300 130 400 130Q500 130 500 225Q400 285 300 225Z', p.dark) +
    fill('M335 222Q400 175 465 222Q400 258 335 222Z', INK, faint(0.45)) +
    stroke('M382 252V330M418 252V330', p.light, 7) +
    fill('M310 480H490L515 575H285Z', p.dark, faint(0.35)) +
    fill('M150 570L215 580L212 602L147 592ZM650 570L585 580L588 602L653 592ZM262 608H538V632H262Z', p.dark),
  jacket: (p) =>
    fill(
      'M310 200L240 225L185 330L160 580L225 588L255 400L262 635H538L545 400L575 588L640 580L615 330L560 225L490 200Z',
      p.main,
    ) +
    fill('M310 200L400 290L490 200L470 185L400 245L330 185Z', p.dark) +
    stroke('M400 290V632', INK, 6, faint(0.7)) +
    fill(
      'M300 470H370V492H300ZM430 470H500V492H430ZM160 580L225 588L223 610L158 602ZM640 580L575 588L577 610L642 602Z',
      p.dark,
    ),
  sneaker: (p) =>
    fill('M170 520Q160 440 220 420L340 360Q380 340 410 362L470 410Q590 420 640 470Q665 495 655 520Z', p.main) +
    fill('M560 440Q630 455 655 520H560Q540 480 560 440Z', p.light, faint(0.6)) +
    fill('M170 520Q160 450 190 430L215 425Q200 470 210 520Z', p.dark) +
    stroke('M260 500Q360 430 480 470', p.light, 14) +
    stroke('M360 380L392 404M385 366L417 390M410 356L442 380', PAPER, 9) +
    fill('M150 515H660Q680 515 680 540V555Q680 585 650 585H180Q150 585 150 555Z', PAPER) +
    stroke('M152 552H678', p.dark, 4, faint(0.3)),
  boot: (p) =>
    fill('M270 170H440L450 430Q590 440 625 505L635 560H255Z', p.main) +
    rect(270, 170, 170, 30, 4, p.dark) +
    stroke('M300 170V128H340V170', p.dark, 10) +
    stroke('M440 225L458 272L440 320L458 368', p.light, 6) +
    fill('M245 560H650V585Q650 605 630 605H265Q245 605 245 585Z', INK) +
    stroke('M250 560H645', p.light, 5, faint(0.6)),
  mug: (p) =>
    stroke('M510 350Q610 350 610 445Q610 540 505 540', p.main, 42) +
    fill('M240 290H520V585Q520 620 485 620H275Q240 620 240 585Z', p.main) +
    ellipse(380, 290, 140, 24, p.dark) +
    ellipse(380, 293, 124, 16, INK, faint(0.55)) +
    stroke('M275 335V570', p.light, 18, faint(0.5)) +
    [
      [330, 380],
      [420, 440],
      [470, 360],
      [360, 520],
      [450, 560],
      [310, 470],
    ]
      .map(([x, y]) => circle(x ?? 0, y ?? 0, 4, p.dark, faint(0.4)))
      .join(''),
  candle: (p) =>
    circle(400, 262, 75, GLOW, faint(0.2)) +
    fill('M270 320H530V590Q530 625 495 625H305Q270 625 270 590Z', p.main) +
    ellipse(400, 330, 128, 18, p.light) +
    stroke('M400 330V292', INK, 5) +
    fill('M400 212Q440 265 400 296Q360 265 400 212Z', FLAME) +
    fill('M400 246Q418 272 400 290Q382 272 400 246Z', '#fde7a6') +
    rect(310, 420, 180, 120, 8, PAPER) +
    rect(345, 460, 110, 8, 4, INK, faint(0.5)) +
    rect(365, 486, 70, 6, 3, INK, faint(0.3)),
  cushion: (p) =>
    fill('M215 250Q400 215 585 250Q625 400 585 560Q400 595 215 560Q175 400 215 250Z', p.main) +
    stroke('M260 330Q400 315 540 330M250 400Q400 388 550 400M260 470Q400 458 540 470', p.light, 10, faint(0.45)) +
    stroke('M215 250Q400 215 585 250Q625 400 585 560Q400 595 215 560Q175 400 215 250Z', p.dark, 8) +
    circle(400, 405, 13, p.dark),
  lamp: (p) =>
    ellipse(400, 430, 210, 130, GLOW, faint(0.22)) +
    rect(392, 380, 16, 210, 4, p.dark) +
    fill('M290 600Q290 560 400 560Q510 560 510 600Z', p.dark) +
    ellipse(400, 383, 150, 12, '#fff4cf') +
    fill('M305 210H495L560 380H240Z', p.main) +
    stroke('M244 380H556', p.dark, 10),
  pan: (p) =>
    fill('M520 395L705 372Q725 370 727 392L729 415Q730 437 708 438L520 445Z', p.dark) +
    circle(704, 405, 9, p.light) +
    circle(345, 420, 185, p.dark) +
    circle(345, 420, 158, p.main) +
    stroke('M245 340Q300 280 380 275', p.light, 14, faint(0.6)),
  knife: (p) =>
    `<g transform="rotate(-18 400 420)">` +
    fill('M140 395Q300 385 540 380V455H230Q160 450 140 395Z', STEEL) +
    stroke('M165 428Q250 448 538 447', PAPER, 6, faint(0.8)) +
    rect(540, 374, 24, 86, 4, INK, faint(0.8)) +
    fill('M564 378H720Q745 378 745 405V430Q745 457 720 457H564Z', p.main) +
    circle(612, 417, 8, p.light) +
    circle(672, 417, 8, p.light) +
    `</g>`,
  teapot: (p) =>
    stroke('M255 390Q170 400 178 470Q186 540 262 545', p.main, 30) +
    fill('M555 470Q620 455 640 370L672 362Q668 470 575 545Z', p.main) +
    ellipse(400, 480, 175, 140, p.main) +
    fill('M320 352Q400 300 480 352Z', p.dark) +
    circle(400, 318, 18, p.dark) +
    fill('M300 598H500L485 622H315Z', p.dark) +
    stroke('M285 430Q300 380 350 365', p.light, 14, faint(0.6)),
  backpack: (p) =>
    stroke('M360 200Q400 150 440 200', p.dark, 14) +
    fill('M260 250Q260 190 325 190H475Q540 190 540 250L560 600Q560 640 520 640H280Q240 640 240 600Z', p.main) +
    fill('M262 250Q262 200 325 200H475Q538 200 538 250L540 330Q400 360 260 330Z', p.dark) +
    stroke('M350 330V410M450 330V410', p.dark, 16) +
    rect(336, 395, 28, 22, 4, p.light) +
    rect(436, 395, 28, 22, 4, p.light) +
    fill(
      'M300 445H500Q520 445 520 465V580Q520 600 500 600H300Q280 600 280 580V465Q280 445 300 445Z',
      p.dark,
      faint(0.35),
    ) +
    stroke('M305 475H495', p.light, 5),
  bottle: (p) =>
    stroke('M450 162Q495 162 495 190Q495 215 450 215', p.dark, 12) +
    rect(350, 135, 100, 70, 14, p.dark) +
    fill('M360 200H440L445 235H355Z', p.dark, faint(0.8)) +
    fill('M355 230Q285 255 285 330V600Q285 640 325 640H475Q515 640 515 600V330Q515 255 445 230Z', p.main) +
    rect(285, 430, 230, 70, 0, p.light, faint(0.35)) +
    stroke('M320 320V600', p.light, 16, faint(0.5)),
  lantern: (p) =>
    circle(400, 395, 150, GLOW, faint(0.22)) +
    stroke('M340 220Q340 150 400 150Q460 150 460 220', p.dark, 12) +
    rect(315, 270, 170, 250, 6, '#fde9a8') +
    ellipse(400, 400, 28, 42, '#ffcf57') +
    stroke('M330 270V520M470 270V520', p.main, 14) +
    fill('M320 220H480L510 272H290Z', p.main) +
    fill('M290 520H510V575Q510 595 490 595H310Q290 595 290 575Z', p.main) +
    stroke('M292 542H508', p.dark, 6),
  cap: (p) =>
    fill('M225 480Q225 270 420 265Q600 270 605 480Z', p.main) +
    stroke('M420 268Q360 360 350 478M420 268Q480 360 500 478', p.dark, 5, faint(0.5)) +
    ellipse(420, 268, 18, 10, p.dark) +
    circle(318, 372, 6, p.dark, faint(0.6)) +
    fill('M560 470Q700 465 735 505Q700 540 560 510Z', p.dark) +
    stroke('M228 480H602', p.dark, 10),
  wallet: (p) =>
    rect(270, 245, 240, 150, 12, PAPER) +
    rect(270, 275, 240, 20, 0, INK, faint(0.5)) +
    rect(230, 300, 340, 230, 26, p.main) +
    stroke('M400 302V528', p.dark, 6, faint(0.5)) +
    rect(250, 320, 300, 190, 16, 'none', ` stroke="${p.light}" stroke-width="4" stroke-dasharray="12 10"`) +
    stroke('M430 350H530', p.dark, 8, faint(0.5)),
  sunglasses: (p) =>
    `<g transform="translate(0 30)">` +
    stroke('M205 362L150 332M595 362L650 332', p.main, 14) +
    fill(
      'M205 360H380Q385 450 330 480Q260 500 220 460Q195 430 205 360Z',
      INK,
      ` stroke="${p.main}" stroke-width="18" stroke-linejoin="round"`,
    ) +
    fill(
      'M420 360H595Q605 430 580 460Q540 500 470 480Q415 450 420 360Z',
      INK,
      ` stroke="${p.main}" stroke-width="18" stroke-linejoin="round"`,
    ) +
    stroke('M380 378Q400 356 420 378', p.main, 14) +
    stroke('M238 396Q262 380 300 386M455 396Q479 380 517 386', PAPER, 10, faint(0.35)) +
    `</g>`,
  jar: (p) =>
    rect(285, 300, 230, 72, 14, p.dark) +
    stroke(
      'M310 320V352M340 320V352M370 320V352M400 320V352M430 320V352M460 320V352M490 320V352',
      p.light,
      4,
      faint(0.3),
    ) +
    fill('M270 372H530V590Q530 625 495 625H305Q270 625 270 590Z', p.main) +
    rect(310, 440, 180, 110, 10, PAPER) +
    rect(345, 478, 110, 8, 4, INK, faint(0.5)) +
    rect(365, 504, 70, 6, 3, INK, faint(0.3)) +
    stroke('M298 395V600', p.light, 12, faint(0.45)),
  soap: (p) =>
    fill('M210 430V480Q210 510 245 515L545 535Q590 538 590 505V455Z', p.dark) +
    fill('M245 360L545 380Q590 383 590 420V455Q590 488 545 485L245 465Q210 462 210 430V395Q210 358 245 360Z', p.main) +
    ellipse(400, 423, 92, 30, 'none', ` stroke="${p.dark}" stroke-width="5" opacity="0.5"`) +
    circle(560, 300, 22, PAPER, faint(0.6)) +
    circle(612, 258, 14, PAPER, faint(0.6)) +
    circle(522, 250, 10, PAPER, faint(0.6)),
  perfume: (p) =>
    rect(345, 215, 110, 95, 12, p.dark) +
    rect(370, 300, 60, 35, 4, STEEL) +
    rect(270, 330, 260, 290, 40, p.main, faint(0.9)) +
    rect(300, 360, 200, 230, 28, p.light, faint(0.35)) +
    rect(340, 450, 120, 60, 6, PAPER, faint(0.9)),
  notebook: (p) =>
    rect(275, 195, 280, 430, 16, PAPER) +
    rect(255, 180, 280, 430, 16, p.main) +
    rect(255, 180, 40, 430, 16, p.dark) +
    rect(280, 180, 15, 430, 0, p.dark) +
    fill('M420 600V662L432 648L444 662V600Z', p.dark) +
    rect(488, 180, 14, 430, 0, p.dark) +
    rect(335, 260, 130, 60, 6, PAPER, faint(0.9)),
  pen: (p) =>
    `<g transform="rotate(-38 400 400)">` +
    fill('M175 384L115 402L175 420Z', STEEL) +
    circle(114, 402, 5, INK) +
    rect(170, 380, 380, 44, 22, p.main) +
    rect(175, 384, 60, 36, 10, INK, faint(0.35)) +
    rect(470, 376, 150, 52, 24, p.dark) +
    rect(500, 362, 120, 12, 6, STEEL) +
    `</g>`,
  headphones: (p) =>
    stroke('M250 470Q250 210 400 210Q550 210 550 470', p.main, 34) +
    stroke('M285 330Q320 245 400 245Q480 245 515 330', p.dark, 14) +
    stroke('M255 400V430M545 400V430', p.dark, 16) +
    rect(205, 420, 100, 170, 40, p.main) +
    rect(275, 440, 40, 130, 18, p.dark) +
    rect(495, 420, 100, 170, 40, p.main) +
    rect(485, 440, 40, 130, 18, p.dark) +
    circle(245, 505, 14, p.light, faint(0.6)) +
    circle(555, 505, 14, p.light, faint(0.6)),
  phone: (p) =>
    rect(285, 165, 230, 470, 48, p.main) +
    rect(515, 280, 8, 60, 3, p.dark) +
    rect(310, 190, 100, 100, 26, p.dark) +
    circle(340, 220, 18, INK) +
    circle(380, 260, 18, INK) +
    circle(380, 220, 8, p.light) +
    circle(400, 430, 70, 'none', ` stroke="${p.light}" stroke-width="6" opacity="0.35"`),
  speaker: (p) =>
    rect(265, 190, 270, 430, 48, p.main) +
    rect(290, 215, 220, 380, 32, p.dark, faint(0.3)) +
    circle(400, 310, 42, p.dark) +
    circle(400, 310, 20, INK) +
    circle(400, 480, 95, p.dark) +
    circle(400, 480, 60, INK) +
    circle(400, 480, 18, p.light),
  'pet-bed': (p) =>
    ellipse(400, 470, 270, 150, p.main) +
    ellipse(400, 492, 196, 96, p.dark, faint(0.45)) +
    ellipse(400, 502, 184, 84, p.light) +
    stroke('M170 430Q200 340 400 325', p.light, 14, faint(0.5)),
  bowl: (p) =>
    fill('M210 420H590L545 580Q540 600 515 600H285Q260 600 255 580Z', p.main) +
    ellipse(400, 420, 190, 45, p.dark) +
    ellipse(400, 425, 160, 32, p.light, faint(0.7)) +
    circle(400, 518, 18, p.light) +
    circle(374, 488, 8, p.light) +
    circle(400, 480, 8, p.light) +
    circle(426, 488, 8, p.light),
};

/** The frame `id`'s pictures: the front, tinted by its colour, and the top view. */
const frameLayers = (id: string) => [
  {
    view: 'front',
    image: `/img/frame-${id}.svg`,
    z: 10,
    x: 400,
    y: 380,
    width: 300,
    height: 200,
    anchor: 'bottom',
    tint: 'colour',
  },
  { view: 'top', image: `/img/frame-${id}-top.svg`, z: 10, x: 0, y: 0, width: 400, height: 400 },
];

/** A top's front picture, as wide as a quarter of the `width` attribute. */
const topLayer = (image: string) => ({
  view: 'front',
  image,
  z: 20,
  x: 400,
  y: 180,
  width: { attribute: 'width', scale: 0.25 },
  height: 20,
  anchor: 'bottom',
});

/** A seat's front picture, moved left by 50 units per seat so that the row stays centred. */
const seatLayer = (image: string) => ({
  view: 'front',
  image,
  z: 5,
  x: { attribute: 'seat.count', scale: -50, offset: 400 },
  y: 300,
  width: 100,
  height: 80,
});

/**
 * A small model with pictures: a front view and a top view, a frame tinted by its colour, a top
 * whose width follows the `width` attribute, a lamp shown only with the oak top, and a repeated
 * `seat` module laid out 100 units apart; only the frame is drawn from above (the top, the lamp and
 * the seats are marked `hiddenIn: ['top']`). Tests edit a fresh copy.
 */
export function visualModel(): any {
  return {
    schemaVersion: 1,
    id: 'VIS',
    version: '1',
    name: 'Visual test desk',
    plantId: 'BER',
    category: 'hardware',
    groups: [{ id: 'g', label: 'G' }],
    modules: [
      {
        id: 'seat',
        label: 'Seat',
        attributes: ['kind'],
        count: { min: 1, max: 3 },
        layout: [{ view: 'front', dx: 100 }],
      },
    ],
    visuals: {
      views: [
        { id: 'front', label: 'Front', width: 800, height: 400 },
        { id: 'top', label: 'From above', width: 400, height: 400 },
      ],
      layers: [
        { view: 'front', image: '/img/floor.svg', z: 0, x: 0, y: 380, width: 800, height: 20 },
      ],
    },
    attributes: [
      {
        id: 'frame',
        label: 'Frame',
        group: 'g',
        type: 'choice',
        default: 'steel',
        values: [
          { id: 'steel', label: 'Steel', layers: frameLayers('steel') },
          { id: 'alu', label: 'Aluminium', layers: frameLayers('alu') },
        ],
      },
      {
        id: 'colour',
        label: 'Colour',
        group: 'g',
        type: 'choice',
        default: 'black',
        values: [
          { id: 'black', label: 'Black', swatch: '#111111' },
          { id: 'white', label: 'White', swatch: '#f0f0f0' },
        ],
      },
      {
        id: 'top',
        hiddenIn: ['top'],
        label: 'Top',
        group: 'g',
        type: 'choice',
        default: 'oak',
        values: [
          { id: 'oak', label: 'Oak', layers: [topLayer('/img/top-oak.png')] },
          { id: 'glass', label: 'Glass', layers: [topLayer('/img/top-glass.webp')] },
        ],
      },
      {
        id: 'width',
        label: 'Width',
        group: 'g',
        type: 'number',
        min: 1000,
        max: 2000,
        step: 500,
        default: 1500,
      },
      {
        id: 'lamp',
        hiddenIn: ['top'],
        label: 'Lamp',
        group: 'g',
        type: 'boolean',
        default: false,
        layers: [
          {
            view: 'front',
            image: '/img/lamp.avif',
            z: 30,
            x: 100,
            y: 50,
            width: 40,
            height: 120,
            when: "top = 'oak'",
          },
        ],
      },
      {
        id: 'kind',
        hiddenIn: ['top'],
        label: 'Kind',
        group: 'g',
        type: 'choice',
        default: 'plain',
        values: [
          { id: 'plain', label: 'Plain', layers: [seatLayer('/img/seat.svg')] },
          { id: 'arm', label: 'With arm', layers: [seatLayer('/img/seat-arm.svg')] },
        ],
      },
    ],
    constraints: [{ id: 'glass-alu', rule: "top = 'glass' -> frame = 'alu'" }],
  };
}

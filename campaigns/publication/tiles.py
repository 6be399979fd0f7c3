"""The tile map of the provinces: one square each, in rows running north to south, drawn as SVG on the server.

No shapes or coordinates are stored. The provinces' official codes run roughly from north to south, so taking
them in code order and laying the rows out in the country's S shape (wide north, narrow centre, wider south)
gives a map one recognises. Provinces beyond the shape (a test's made-up ones) continue in rows of four.
"""

from dataclasses import dataclass

# (tiles in the row, tiles it is shifted to the right): 34 tiles in all.
SHAPE = [(4, 0), (4, 0), (4, 0), (3, 1), (3, 1), (2, 2), (2, 2), (2, 3), (2, 3), (2, 3), (3, 2), (3, 1)]
TILE = 96  # width of a tile in SVG units, gap included
TILE_HEIGHT = 60
GAP = 4
# Share of communes at standard → colour class; the legend reads the same list.
BUCKETS = [(0.25, "0"), (0.5, "1"), (0.75, "2"), (1.0, "3")]


@dataclass
class Tile:
    figures: object  # board.ProvinceFigures
    x: int
    y: int
    bucket: str
    label: str

    @property
    def text_x(self) -> int:
        return self.x + (TILE - GAP) // 2


def bucket_of(share: float | None) -> str:
    if share is None:
        return "none"
    return next((name for limit, name in BUCKETS if share < limit), "4")


def short_name(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def positions(count: int) -> list[tuple[int, int]]:
    """(column, row) of `count` tiles laid out in SHAPE, then in rows of four."""
    places = [(shift + column, row) for row, (width, shift) in enumerate(SHAPE) for column in range(width)]
    row = len(SHAPE)
    while len(places) < count:
        places += [(column, row) for column in range(4)]
        row += 1
    return places[:count]


def tile_map(figures: list) -> dict:
    """The tiles and the drawing's size for templates/public/_tile_map.html."""
    places = positions(len(figures))
    tiles = [
        Tile(entry, column * TILE, row * TILE_HEIGHT, bucket_of(entry.share), short_name(entry.province.name))
        for entry, (column, row) in zip(figures, places, strict=True)
    ]
    columns = max((column for column, _row in places), default=0) + 1
    rows = max((row for _column, row in places), default=0) + 1
    return {
        "tiles": tiles,
        "width": columns * TILE,
        "height": rows * TILE_HEIGHT,
        "tile_w": TILE - GAP,
        "tile_h": TILE_HEIGHT - GAP,
    }

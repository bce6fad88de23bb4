#!/usr/bin/env python3
"""Draws LobbyDesk's app icons (a white building with a lit lobby door on teal) as PNGs.

Standard library only. Run from the repo root: python3 scripts/make-icons.py
Writes public/icons/icon-192.png, icon-512.png (rounded, transparent corners) and
icon-maskable-512.png (full bleed, the drawing inside the 80% safe zone).
"""
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)
AMBER = (251, 191, 36)
SS = 3  # supersampling factor


def inside_rounded(x, y, size, r):
    cx = min(max(x, r), size - r)
    cy = min(max(y, r), size - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def draw(size, maskable):
    scale = 0.62 if maskable else 0.78  # share of the icon the building spans
    unit = size * scale / 10.0
    ox = (size - 10 * unit) / 2
    oy = (size - 10 * unit) / 2
    rects = []  # (x0, y0, x1, y1, colour) in building units, later ones on top
    rects.append((1.5, 0.5, 8.5, 9.2, WHITE))  # tower
    rects.append((0.3, 9.2, 9.7, 9.8, WHITE))  # ground line
    for row in range(4):
        for col in range(3):
            x0 = 2.4 + col * 2.1
            y0 = 1.3 + row * 1.55
            rects.append((x0, y0, x0 + 1.1, y0 + 0.95, TEAL))
    rects.append((3.9, 7.5, 6.1, 9.2, AMBER))  # lobby door
    radius = size * 0.2
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    x = px + (sx + 0.5) / SS
                    y = py + (sy + 0.5) / SS
                    if not maskable and not inside_rounded(x, y, size, radius):
                        continue
                    colour = TEAL
                    bx = (x - ox) / unit
                    by = (y - oy) / unit
                    for (x0, y0, x1, y1, c) in rects:
                        if x0 <= bx < x1 and y0 <= by < y1:
                            colour = c
                    acc[0] += colour[0]
                    acc[1] += colour[1]
                    acc[2] += colour[2]
                    acc[3] += 255
            n = SS * SS
            alpha = acc[3] // n
            if alpha == 0:
                row += bytes(4)
            else:
                covered = acc[3] // 255
                row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, alpha])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False), ("icon-maskable-512.png", 512, True)]:
        with open("public/icons/" + name, "wb") as f:
            f.write(png(size, draw(size, maskable)))
        print("wrote public/icons/" + name)

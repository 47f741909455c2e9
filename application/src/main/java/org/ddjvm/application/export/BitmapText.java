package org.ddjvm.application.export;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A 5×7 pixel font for the few characters a rate label needs, drawn pixel by pixel. It stands in for
 * {@code Graphics2D.drawString} where the JVM has no usable fonts (minimal headless images), so an export never
 * fails for want of a font. Unknown characters are drawn as a box.
 */
final class BitmapText {

    static final int GLYPH_WIDTH = 5;
    static final int GLYPH_HEIGHT = 7;

    private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
            Map.entry('0', new String[] {".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."}),
            Map.entry('1', new String[] {"..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('2', new String[] {".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"}),
            Map.entry('3', new String[] {"####.", "....#", "....#", ".###.", "....#", "....#", "####."}),
            Map.entry('4', new String[] {"...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."}),
            Map.entry('5', new String[] {"#####", "#....", "####.", "....#", "....#", "#...#", ".###."}),
            Map.entry('6', new String[] {"..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."}),
            Map.entry('7', new String[] {"#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."}),
            Map.entry('8', new String[] {".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."}),
            Map.entry('9', new String[] {".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."}),
            Map.entry('.', new String[] {".....", ".....", ".....", ".....", ".....", ".##..", ".##.."}),
            Map.entry('-', new String[] {".....", ".....", ".....", "#####", ".....", ".....", "....."}),
            Map.entry('+', new String[] {".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."}),
            Map.entry('e', new String[] {".....", ".....", ".###.", "#...#", "#####", "#....", ".###."}),
            Map.entry('E', new String[] {"#####", "#....", "#....", "####.", "#....", "#....", "#####"}),
            Map.entry('N', new String[] {"#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"}),
            Map.entry('a', new String[] {".....", ".....", ".###.", "....#", ".####", "#...#", ".####"}),
            Map.entry('I', new String[] {".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('n', new String[] {".....", ".....", "####.", "#...#", "#...#", "#...#", "#...#"}),
            Map.entry('f', new String[] {"..##.", ".#...", "####.", ".#...", ".#...", ".#...", ".#..."}),
            Map.entry('i', new String[] {"..#..", ".....", ".##..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('t', new String[] {".#...", ".#...", "####.", ".#...", ".#...", ".#..#", "..##."}),
            Map.entry('y', new String[] {".....", ".....", "#...#", "#...#", ".####", "....#", ".###."}),
            Map.entry('l', new String[] {".##..", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."}),
            Map.entry('r', new String[] {".....", ".....", "#.##.", "##..#", "#....", "#....", "#...."}),
            Map.entry('η', new String[] {".....", ".....", "#.##.", "##..#", "#...#", "#...#", "....#"}),
            Map.entry(' ', new String[] {".....", ".....", ".....", ".....", ".....", ".....", "....."}));

    private static final String[] BOX = {"#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"};

    private final int pixel;

    /** @param pixel the side of one font pixel in image pixels */
    BitmapText(int pixel) {
        this.pixel = pixel;
    }

    int width(String text) {
        return text.isEmpty() ? 0 : (text.length() * (GLYPH_WIDTH + 1) - 1) * pixel;
    }

    int height() {
        return GLYPH_HEIGHT * pixel;
    }

    /** Draws {@code text} with its top-left corner at (x, y), clipped to the image. */
    void draw(BufferedImage image, String text, int x, int y, int rgb) {
        for (int k = 0; k < text.length(); k++) {
            String[] glyph = GLYPHS.getOrDefault(text.charAt(k), BOX);
            int gx = x + k * (GLYPH_WIDTH + 1) * pixel;
            for (int row = 0; row < GLYPH_HEIGHT; row++) {
                for (int col = 0; col < GLYPH_WIDTH; col++) {
                    if (glyph[row].charAt(col) == '#') {
                        fill(image, gx + col * pixel, y + row * pixel, rgb);
                    }
                }
            }
        }
    }

    private void fill(BufferedImage image, int x0, int y0, int rgb) {
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y0 + pixel); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x0 + pixel); x++) {
                image.setRGB(x, y, rgb);
            }
        }
    }
}

import org.apache.fontbox.ttf.*;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import java.io.*;
import java.nio.charset.Charset;
import java.util.*;

public class Subset {
    // args: in out mode(gb2312|range:hexstart-hexend[,..])
    public static void main(String[] a) throws Exception {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(a[0]));
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        TTFSubsetter sub = new TTFSubsetter(ttf, List.of("cmap","head","hhea","loca","maxp","cvt ","prep","glyf","hmtx","fpgm","gasp","post","name","OS/2"));
        int n = 0;
        if (a[2].equals("gb2312")) {
            Charset gb = Charset.forName("GB2312");
            for (int cp = 0x20; cp <= 0xFFFF; cp++) {
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                String s = new String(Character.toChars(cp));
                boolean ok = cp < 0x7F || gb.newEncoder().canEncode(s) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp>=0x2000 && cp<=0x206F);
                if (ok && cmap.getGlyphId(cp) != 0) { sub.add(cp); n++; }
            }
        } else {
            for (String r : a[2].substring(6).split(",")) {
                String[] p = r.split("-");
                int s = Integer.parseInt(p[0],16), e = Integer.parseInt(p[1],16);
                for (int cp = s; cp <= e; cp++) if (cmap.getGlyphId(cp) != 0) { sub.add(cp); n++; }
            }
        }
        try (OutputStream out = new FileOutputStream(a[1])) { sub.writeToStream(out); }
        System.out.println(a[1] + " " + n + " code points");
    }
}

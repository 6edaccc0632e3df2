package org.cstopo.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cstopo.CstopoException;
import org.cstopo.bench.SyntheticTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file of a megabyte or more is decoded as it is read: the same document, and the same errors, as reading it whole. */
class LargeInputReadTest {
    @TempDir
    Path dir;

    @Test
    void aLargeFileReadsAsTheWholeBytesDo() throws Exception {
        for (boolean utf16 : new boolean[] {true, false}) {
            Path file = dir.resolve("t" + utf16 + ".xml");
            SyntheticTopology.write(utf16 ? 40 : 80, utf16, file);
            assertTrue(Files.size(file) > 1 << 20, "large enough to be streamed: " + Files.size(file));
            SourceDocument streamed = FileIO.readDocument(file);
            SourceDocument whole = SourceDocument.parse(file.toString(), Files.readAllBytes(file));
            assertEquals(whole.encoding(), streamed.encoding());
            assertEquals(whole.text(), streamed.text());
            assertEquals(whole.elements().size(), streamed.elements().size());
        }
    }

    @Test
    void aDamagedLargeFileFailsWithTheSameMessage() throws Exception {
        Path file = dir.resolve("t.xml");
        SyntheticTopology.write(40, true, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2 | 1] = (byte) 0xDC; // a lone low surrogate in the middle
        bytes[bytes.length / 2 & ~1] = 0;
        Files.write(file, bytes);
        String whole = assertThrows(CstopoException.class, () -> SourceDocument.parse(file.toString(), bytes)).getMessage();
        String streamed = assertThrows(CstopoException.class, () -> FileIO.readDocument(file)).getMessage();
        assertEquals(whole, streamed);
        assertTrue(whole.contains("not valid UTF-16LE"), whole);
        assertEquals(null, FileIO.readText(file, Files.size(file), new TextEncoding[1]), "left to the strict decoder");
    }

    /** Characters of two, three and four bytes (a surrogate pair in UTF-16) cut at every chunk boundary read the same. */
    @Test
    void charactersCutAtAChunkBoundaryReadTheSame() throws Exception {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\r\n<T xmlns=\"urn:t\">\r\n");
        for (int i = 0; sb.length() < 1_200_000; i++) {
            sb.append("<a n=\"").append(i).append("\" v=\"\u00e9\u4e2d\ud83d\ude00").append("x".repeat(i % 7)).append("\"/>\r\n");
        }
        String text = sb.append("</T>\r\n").toString();
        for (TextEncoding enc : new TextEncoding[] {TextEncoding.UTF8, new TextEncoding(java.nio.charset.StandardCharsets.UTF_8, true),
                new TextEncoding(java.nio.charset.StandardCharsets.UTF_16LE, true), new TextEncoding(java.nio.charset.StandardCharsets.UTF_16BE, true)}) {
            Path file = dir.resolve("c.xml");
            Files.write(file, enc.encode(text));
            SourceDocument streamed = FileIO.readDocument(file);
            assertEquals(enc, streamed.encoding());
            assertEquals(text, streamed.text(), enc.name());
            assertEquals(text, FileIO.readText(file, Files.size(file), new TextEncoding[1]), "decoded chunk by chunk: " + enc.name());
        }
    }
}

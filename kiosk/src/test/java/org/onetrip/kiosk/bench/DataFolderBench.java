package org.onetrip.kiosk.bench;

import java.nio.file.*;
import java.nio.file.attribute.*;
import org.onetrip.kiosk.privacy.DataFolder;

/**
 * What making data.dir private costs at start: a folder of N receipt pictures (the simulator keeps
 * one per receipt), first with every file 0644 (a kiosk updated from before issue 10), then again
 * with nothing left to repair (every later start). Run: java -cp CLASSPATH DataFolderBench.java N
 */
public class DataFolderBench {
    public static void main(String[] a) throws Exception {
        Path d = Files.createTempDirectory("dfmeas");
        Files.createDirectories(d.resolve("receipts"));
        int n = Integer.parseInt(a[0]);
        for (int i = 0; i < n; i++) {
            Path f = d.resolve("receipts/r" + i + ".png");
            Files.write(f, new byte[100]);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        long t0 = System.nanoTime();
        DataFolder.Repair r = DataFolder.secure(d);
        long t1 = System.nanoTime();
        DataFolder.Repair r2 = DataFolder.secure(d);
        long t2 = System.nanoTime();
        System.out.printf("%d files: first start (repairing %d) %.1f ms; later start (nothing to repair, %d) %.1f ms%n",
            n, r.total(), (t1 - t0) / 1e6, r2.total(), (t2 - t1) / 1e6);
    }
}

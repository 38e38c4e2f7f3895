import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Rewrites the class files of a jar built for Java 5 (class-file version 49) as Java 17 class files
 * (version 61) with stack-map frames, the code otherwise unchanged. Run at package time by
 * scripts/build-distribution.sh on picocli's jar, with the JDK 25 the runtime comes from (its
 * java.lang.classfile API; this file is run as a source program, it is not part of the build):
 *
 * <pre>  java ModernClassFiles.java IN.jar OUT.jar</pre>
 *
 * <p>Why: neither class-data sharing nor JDK 25's AOT cache can hold a pre-Java-6 class ("Pre JDK 6
 * class not supported"), so every run of {@code ferry} loaded picocli's ~170 classes from the jar
 * and checked them with the old, type-inferring verifier. Rewritten, they are verified once, when
 * the cache is made, and come from the cache like the rest. Classes already at version 50 or later,
 * and everything that is not a class file, are copied as they are.
 */
public final class ModernClassFiles {
  private static final int TARGET_MAJOR = ClassFile.JAVA_17_VERSION;

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java ModernClassFiles.java IN.jar OUT.jar");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int rewritten = 0;
    try (JarFile jar = new JarFile(in.toFile());
         var loader = new java.net.URLClassLoader(new java.net.URL[] {in.toUri().toURL()}, null)) {
      // Stack maps need the common supertype of two types: picocli's own from the jar, the JDK's from the runtime.
      ClassHierarchyResolver hierarchy = ClassHierarchyResolver.ofResourceParsing(loader)
          .orElse(ClassHierarchyResolver.defaultResolver());
      ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(hierarchy));
      ClassTransform toTarget = (builder, element) -> {
        if (element instanceof ClassFileVersion) {
          builder.withVersion(TARGET_MAJOR, 0);
        } else {
          builder.with(element);
        }
      };
      // Passing every method body through a code transform makes the builder write it anew, and so
      // compute its stack-map frames (an untouched body would be copied without them).
      ClassTransform transform = toTarget.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "modern", ".jar");
      try (JarOutputStream target = new JarOutputStream(Files.newOutputStream(tmp))) {
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
          byte[] bytes;
          try (InputStream stream = jar.getInputStream(entry)) {
            bytes = stream.readAllBytes();
          }
          String name = entry.getName();
          if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
            ClassModel model = classFile.parse(bytes);
            if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
              bytes = classFile.transformClass(model, transform);
              rewritten++;
            }
          }
          ZipEntry copy = new ZipEntry(name);
          copy.setTime(entry.getTime());
          target.putNextEntry(copy);
          target.write(bytes);
          target.closeEntry();
        }
      }
      Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println(rewritten);
  }
}

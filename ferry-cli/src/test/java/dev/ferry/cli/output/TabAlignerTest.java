package dev.ferry.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The alignment matches Go's text/tabwriter with Velero's settings (expected text produced by Go). */
class TabAlignerTest {

  @Test
  void matchesGoTabwriter() {
    String raw = "Phase:\tPartiallyFailed (x)\n\nErrors:\n\tVelero:\t<none>\n\tCluster:\t<none>\n\tNamespaces:\n"
        + "\t\tmigration-example:\terror restoring\n\t\t\tsecond\n\t\tshop:\tthird\n\nValidation errors:\tone\n\ttwo\n";
    assertThat(TabAligner.align(raw)).isEqualTo("""
        Phase:  PartiallyFailed (x)

        Errors:
          Velero:   <none>
          Cluster:  <none>
          Namespaces:
            migration-example:  error restoring
                                second
            shop:               third

        Validation errors:  one
                            two
        """);
  }

  @Test
  void aBlankLineEndsAColumn() {
    assertThat(TabAligner.align("a:\t1\nlonger:\t2\n\nb:\t3\n")).isEqualTo("a:       1\nlonger:  2\n\nb:  3\n");
  }
}

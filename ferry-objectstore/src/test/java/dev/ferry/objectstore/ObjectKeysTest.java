package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "backups/b1/b1.tar.gz", "restores/r1/restore-r1-logs.gz", ".ferry-probe/x",
      "a/..b/c", "a/b../c", "weird name/ü/€.json", "...", "a/.hidden"})
  void acceptsRelativeKeys(String key) {
    assertThat(ObjectKeys.requireValidKey(key)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "..", "../x", "a/../../x", "a/..", "./a", "a/./b", "a//b", "a/",
      "a\\..\\b", "..\\x", "a\u0000b", "a\nb", "C:\\x"})
  void rejectsKeysThatAreNotPlainRelativePaths(String key) {
    assertThatThrownBy(() -> ObjectKeys.requireValidKey(key)).isInstanceOf(InvalidKeyException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "backups/", "backups/b1/b1-lo", "backups", ".ferry-probe/"})
  void acceptsPrefixes(String prefix) {
    assertThat(ObjectKeys.requireValidPrefix(prefix)).isEqualTo(prefix);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/backups/", "../", "a//", "a/../", "a\\"})
  void rejectsPrefixesThatCouldEscape(String prefix) {
    assertThatThrownBy(() -> ObjectKeys.requireValidPrefix(prefix)).isInstanceOf(InvalidKeyException.class);
  }

  @org.junit.jupiter.api.Test
  void messagesNameTheKeyWithoutRawControlCharacters() {
    assertThatThrownBy(() -> ObjectKeys.requireValidKey("a\nforged log line"))
        .hasMessageContaining("a\\u000aforged log line")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ObjectKeys.requireValidKey("x".repeat(1025)))
        .hasMessageContaining("longer than 1024 bytes");
    assertThatThrownBy(() -> ObjectKeys.requireValidKey("../secret"))
        .hasMessageContaining("'../secret'").hasMessageContaining("'..' path segment");
  }
}

package dev.ferry.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromium-driver (both named explicitly, so
 * Selenium never downloads a browser or driver), with the small vocabulary the console's tests use.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;

  Browser(Path screenshots) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(CHROMIUM + " or " + DRIVER + " missing: run scripts/install-prerequisites.sh "
          + "(Debian packages chromium and chromium-driver)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1440,1000", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--no-default-browser-check");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    this.screenshots = screenshots;
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(By by) {
    return until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
    }, "element " + by);
  }

  void click(By by) {
    until(d -> {
      try {
        WebElement e = d.findElement(by);
        if (!e.isDisplayed() || !e.isEnabled()) {
          return null;
        }
        e.click();
        return true;
      } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
               | org.openqa.selenium.ElementClickInterceptedException e) {
        return null;
      }
    }, "clickable " + by);
  }

  void clickId(String id) {
    click(By.id(id));
  }

  void type(String id, String text) {
    WebElement e = find(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  /** Selects an option of a native select once the option is there (lists load after the page). */
  void select(String id, String value) {
    until(d -> {
      List<WebElement> options = d.findElements(By.cssSelector("select#" + id + " option[value='" + value + "']"));
      if (options.isEmpty()) {
        return null;
      }
      new Select(d.findElement(By.id(id))).selectByValue(value);
      return true;
    }, "option " + value + " of " + id);
  }

  /** Waits until {@code by} shows an element whose {@code attribute} equals {@code value}. */
  void waitAttribute(By by, String attribute, String value) {
    until(d -> d.findElements(by).stream().anyMatch(e -> value.equals(e.getDomAttribute(attribute))) ? true : null,
        by + " with " + attribute + "=" + value + " (now: " + describe(by, attribute) + ")");
  }

  private String describe(By by, String attribute) {
    try {
      return driver.findElements(by).stream().map(e -> e.getDomAttribute(attribute)).toList().toString();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  void waitText(By by, String text) {
    until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)) ? true : null,
        by + " containing '" + text + "'");
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Saves a PNG of the page as {@code name}.png in the screenshots directory (docs/console). */
  void screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T until(Function<WebDriver, T> condition, String what) {
    return new WebDriverWait(driver, Duration.ofSeconds(120)).withMessage("waiting for " + what)
        .ignoring(StaleElementReferenceException.class).until(condition::apply);
  }

  @Override
  public void close() {
    driver.quit();
  }
}

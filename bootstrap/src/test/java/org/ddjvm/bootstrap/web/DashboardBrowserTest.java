package org.ddjvm.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.HistoryChunk;
import org.ddjvm.application.runs.HistoryStore;
import org.ddjvm.application.runs.NewRun;
import org.ddjvm.application.runs.RunName;
import org.ddjvm.application.runs.RunRepository;
import org.ddjvm.application.runs.RunSpec;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.application.users.CreateUser;
import org.ddjvm.application.users.Role;
import org.ddjvm.bootstrap.DdApplication;
import org.ddjvm.domain.distill.DistillationConfig;
import org.ddjvm.domain.distill.InitMode;
import org.ddjvm.domain.tensor.DType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser (headless Debian Chromium through Selenium) on the real application: a random
 * loopback port, the embedded PostgreSQL, DJL. Logs in, launches a small MNIST run from the new-run form (the
 * quick preset: fixed init, S 1, E 3, one outer epoch of 59 iterations, one evaluation net), watches its progress
 * and distilled images update, opens the finished run (accuracy beside the baseline) and downloads distilled.npz.
 * Screenshots of each stage go to bootstrap/target/screenshots/.
 */
@SpringBootTest(classes = DdApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "server.address=127.0.0.1",
                "dd.admin.password=browser-test-admin-1", "dd.queue.concurrency=1",
                // the shared test database may hold runs a crashed test left waiting: this queue holds only ours
                "dd.queue.requeue-orphaned=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardBrowserTest {

    private static final String PASSWORD = "browser-test-password";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(4);
    private static final Pattern CHECKPOINT_SRC = Pattern.compile("/checkpoint/steps\\.png\\?v=(\\d+)$");
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}\\.\\d%.*");

    @LocalServerPort
    int port;

    @Autowired
    CreateUser createUser;

    @Autowired
    RunRepository runs;

    @Autowired
    HistoryStore history;

    private String username;

    @BeforeAll
    static void browserInstalled() {
        HeadlessChromium.requireInstalled();
    }

    /** A user of its own (the test database may hold an admin from earlier runs with another password). */
    @BeforeEach
    void operator() {
        username = ApiClient.uniqueName("browser");
        createUser.create(username, PASSWORD, EnumSet.of(Role.VIEWER, Role.OPERATOR));
    }

    private String url(String path) {
        return ApiClient.base(port) + path;
    }

    private void logIn(HeadlessChromium browser, boolean screenshot) {
        WebDriver driver = browser.driver();
        driver.get(url("/runs"));
        // not logged in: the dashboard sends the browser to the login page
        wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        if (screenshot) {
            browser.screenshot("01-login");
        }
        driver.findElement(By.id("login")).click();
        // back to the page asked for (Spring Security's saved request adds ?continue)
        wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/runs/?(\\?continue)?$"));
        assertThat(driver.findElement(By.cssSelector(".nav .user")).getText()).isEqualTo(username);
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void launchWatchOpenAndDownloadASmallMnistRun() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            logIn(browser, true);
            browser.screenshot("02-runs");

            // the new-run form, filled by the quick preset
            driver.findElement(By.linkText("New run")).click();
            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("preset-mnist-quick")));
            driver.findElement(By.id("preset-mnist-quick")).click();
            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("preset=mnist-quick"));
            WebElement form = driver.findElement(By.id("new-run-form"));
            assertThat(field(form, "outerEpochs").getDomProperty("value")).isEqualTo("1");
            assertThat(field(form, "steps").getDomProperty("value")).isEqualTo("1");
            assertThat(field(form, "batchSize").getDomProperty("value")).isEqualTo("1024");
            String run = ApiClient.uniqueName("browser-mnist");
            field(form, "name").sendKeys(run);
            field(form, "evalNets").clear();
            field(form, "evalNets").sendKeys("2");
            browser.screenshot("03-new-run");
            driver.findElement(By.id("launch")).click();

            // the run page: status, progress and the distilled images update while it runs
            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/runs/" + run + "$"));
            Watched watched = watch(browser, run);
            assertThat(watched.finalStatus).as("the run's final status").isEqualTo("completed");
            assertThat(watched.iterations).as("iterations shown while it ran").hasSizeGreaterThanOrEqualTo(2);
            assertThat(watched.iterations.last()).isGreaterThan(watched.iterations.first());
            assertThat(watched.progress).as("progress bar values while it ran").isNotEmpty();
            assertThat(watched.progress.stream().mapToDouble(Double::doubleValue).max().orElse(0))
                    .as("progress bar while it ran").isGreaterThan(watched.progress.get(0));
            assertThat(watched.checkpointImages).as("checkpoint images (src) shown while it ran")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(watched.refreshedAt).as("iterations whose checkpoint event refreshed the images").isNotEmpty();
            assertThat(watched.pictures).as("distinct distilled pictures shown while it ran")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(watched.etaShown).as("looks that showed the ETA while it ran").isPositive();
            assertThat(watched.curves).as("the loss curve grew while it ran").isNotEmpty();

            // open the finished run from the runs page (whose rows htmx replaces every few seconds)
            driver.get(url("/runs"));
            wait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> {
                        d.findElement(By.linkText(run)).click();
                        return true;
                    });
            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches(".*/runs/" + run + "$"));
            WebDriverWait page = wait(driver, Duration.ofSeconds(30));
            page.until(ExpectedConditions.presenceOfElementLocated(By.id("download")));
            assertThat(text(driver, By.id("run-status"))).isEqualTo("completed");
            assertThat(text(driver, By.id("run-iteration"))).startsWith("59 / 59");
            page.until(d -> imageLoaded(d));
            assertThat(driver.findElement(By.id("steps-image")).getDomAttribute("src")).contains("/steps.png")
                    .doesNotContain("/checkpoint/");
            List<WebElement> distilled = driver.findElements(By.cssSelector("#accuracy-distilled td"));
            List<WebElement> baseline = driver.findElements(By.cssSelector("#accuracy-baseline td"));
            assertThat(distilled.get(0).getText()).as("distilled, before training").matches(PERCENT);
            assertThat(distilled.get(1).getText()).as("distilled, after training").matches(PERCENT);
            // fixed init: the distilled data is evaluated from the one fixed θ0, the baseline on 2 draws
            assertThat(distilled.get(2).getText()).isEqualTo("1");
            assertThat(baseline.get(1).getText()).as("baseline, after training").matches(PERCENT);
            assertThat(baseline.get(2).getText()).isEqualTo("2");
            // the whole outer loop is drawn: the stored history (every iteration) with the live points on top
            page.until(d -> text(d, By.id("curve-extent")).equals("Loss of 59 of 59 iterations (1–59)"));
            assertThat(driver.findElements(By.cssSelector("#loss-chart canvas"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#rates-chart canvas"))).isNotEmpty();
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("06-completed");

            // download distilled.npz through the page's link, with the browser's session
            String href = driver.findElement(By.id("download")).getDomProperty("href");
            assertThat(href).endsWith("/api/runs/" + run + "/distilled.npz");
            Cookie session = driver.manage().getCookieNamed("JSESSIONID");
            assertThat(session).as("the browser's session cookie").isNotNull();
            HttpClient http = ApiClient.newHttpClient();

            // the stored history the page drew: chunks of the 59 iterations, in order, with the 3 rates each
            HttpResponse<String> stored = ApiClient.session(http, port, session.getValue())
                    .get("/api/runs/" + run + "/history");
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
            JsonNode history = ApiClient.JSON.readTree(stored.body());
            assertThat(history.get("iterations").asLong()).isEqualTo(59);
            long next = 1;
            for (JsonNode chunk : history.get("chunks")) {
                assertThat(chunk.get("firstIteration").asLong()).isEqualTo(next);
                assertThat(chunk.get("losses").size()).isEqualTo(
                        chunk.get("lastIteration").asLong() - chunk.get("firstIteration").asLong() + 1);
                assertThat(chunk.get("rates").size()).isEqualTo(3);
                next = chunk.get("lastIteration").asLong() + 1;
            }
            assertThat(next).isEqualTo(60);

            // the job's meters, as Prometheus scrapes them from the running server
            HttpResponse<String> metrics = ApiClient.session(http, port, session.getValue())
                    .get("/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("dd_outer_iteration_seconds_count{backend=\"djl\",dataset=\"mnist\"}")
                    .contains("dd_evaluation_accuracy{kind=\"distilled\",run=\"" + run + "\"}")
                    .contains("dd_runs{status=\"COMPLETED\"}");
            HttpResponse<byte[]> npz = ApiClient.session(http, port, session.getValue())
                    .getBytes(href.substring(ApiClient.base(port).length()));
            assertThat(npz.statusCode()).isEqualTo(200);
            assertThat(npz.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("attachment").contains(run + "-distilled.npz");
            Map<String, byte[]> entries = unzip(npz.body());
            assertThat(entries).containsKeys("images.npy", "labels.npy", "lrs.npy");
            for (String array : List.of("images.npy", "labels.npy", "lrs.npy")) {
                byte[] bytes = entries.get(array);
                assertThat(bytes.length).as(array).isGreaterThan(10);
                assertThat(new String(bytes, 1, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(array + " is a NumPy array").isEqualTo("NUMPY");
                assertThat(bytes[0] & 0xff).isEqualTo(0x93);
            }
        }
    }

    /**
     * A run this server never saw iterate (as if another process ran it, or this server restarted since): its page
     * draws the whole loss curve and the rates from the stored history alone.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRunThisServerNeverSawIterateShowsItsStoredCurves() throws Exception {
        String name = ApiClient.uniqueName("browser-elsewhere");
        RunSpec spec = new RunSpec(new DistillationConfig("mnist", "lenet", 1, 1, 3, InitMode.FIXED, 1, 2, 1024,
                0.02, 0.01, 40, 0.5, 1L, DType.FLOAT32), 2, 0.1, 50);
        DistillationRun run = runs.create(new NewRun(new RunName(name), spec, "djl", 118));
        long first = 1;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int size : new int[] {50, 9}) {
                double[] losses = new double[size];
                for (int i = 0; i < size; i++) {
                    losses[i] = 2.3 * Math.exp(-(first + i) / 40.0);
                }
                double rate = 0.02 + 0.0001 * (first + size - 1);
                history.append(new HistoryChunk(run.id(), first, epoch, losses,
                        new double[] {rate, rate * 1.1, rate * 1.2}, 5));
                first += size;
            }
        }
        runs.markStatus(run.id(), RunStatus.RUNNING, null);
        runs.recordProgress(run.id(), 118, 2.3 * Math.exp(-118 / 40.0));
        runs.markStatus(run.id(), RunStatus.STOPPED, null);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            logIn(browser, false);
            driver.get(url("/runs/" + name));
            WebDriverWait page = wait(driver, Duration.ofSeconds(30));
            page.until(d -> text(d, By.id("curve-extent")).equals("Loss of 118 of 118 iterations (1–118)"));
            assertThat(driver.findElements(By.cssSelector("#rates-chart canvas"))).isNotEmpty();
            assertThat(text(driver, By.id("run-iteration"))).isEqualTo("118 / 118");
            assertThat(text(driver, By.id("run-epoch"))).isEqualTo("(epoch 2 of 2)");
            // three rate series (T = 3) in the legend, as many as the stored rates have
            assertThat(driver.findElements(By.cssSelector("#rates-chart .u-series"))).hasSize(4);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anInvalidValueIsShownBesideItsFieldAndLaunchesNothing() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            logIn(browser, false);
            driver.get(url("/runs/new?preset=mnist-quick"));
            WebElement form = wait(driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("new-run-form")));
            String run = ApiClient.uniqueName("browser-invalid");
            field(form, "name").sendKeys(run);
            field(form, "steps").clear();
            field(form, "steps").sendKeys("0");
            field(form, "outerEpochs").clear();
            field(form, "outerEpochs").sendKeys("lots");
            driver.findElement(By.id("launch")).click();

            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("p.error")));
            assertThat(text(driver, By.cssSelector("p.error"))).contains("correct the fields");
            // the message sits beside the field it names; the typed values are kept
            WebElement error = driver.findElement(By.xpath(
                    "//input[@name='outerEpochs']/following-sibling::span[@class='field-error']"));
            assertThat(error.getText()).startsWith("outerEpochs must be a whole number");
            assertThat(driver.findElement(By.name("outerEpochs")).getDomProperty("value")).isEqualTo("lots");
            assertThat(driver.findElement(By.name("name")).getDomProperty("value")).isEqualTo(run);
            browser.screenshot("07-validation");

            // the number is fixed, the range rule now speaks
            driver.findElement(By.name("outerEpochs")).clear();
            driver.findElement(By.name("outerEpochs")).sendKeys("1");
            driver.findElement(By.id("launch")).click();
            wait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//input[@name='steps']/following-sibling::span[@class='field-error']"),
                    "steps must be between 1 and 1000"));
            assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(1);
            assertThat(driver.getCurrentUrl()).doesNotContain("/runs/" + run);

            // nothing was recorded
            Cookie session = driver.manage().getCookieNamed("JSESSIONID");
            HttpResponse<String> r = ApiClient.session(ApiClient.newHttpClient(), port, session.getValue())
                    .get("/api/runs/" + run);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        }
    }

    /** What the run page showed while the run ran, until it ended. */
    private static final class Watched {
        String finalStatus;
        final TreeSet<Long> iterations = new TreeSet<>();
        final List<Double> progress = new ArrayList<>();
        /** The image's src values: the latest checkpoint on opening, then ?v=ITERATION at each checkpoint event. */
        final Set<String> checkpointImages = new LinkedHashSet<>();
        final TreeSet<Long> refreshedAt = new TreeSet<>();
        /** The pictures themselves (as data URLs) of the sources that loaded. */
        final Set<String> pictures = new LinkedHashSet<>();
        final Set<String> loaded = new LinkedHashSet<>();
        /** Looks at the progress while it ran that showed an ETA (never more than one at a time). */
        int etaShown;
        /** The curve's extent as the page described it while the run ran. */
        final List<String> curves = new ArrayList<>();
    }

    /** Polls the run page until the run ends (bounded), noting the iterations, progress and images it shows. */
    private Watched watch(HeadlessChromium browser, String run) throws InterruptedException {
        WebDriver driver = browser.driver();
        Watched w = new Watched();
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String status = driver.findElement(By.id("run-status")).getText().strip();
                if (status.equals("completed") || status.equals("failed") || status.equals("stopped")) {
                    w.finalStatus = status;
                    return w;
                }
                if (status.equals("running")) {
                    String summary = driver.findElement(By.id("summary")).getText();
                    int etas = summary.split("ETA", -1).length - 1;
                    assertThat(etas).as("ETAs on the run page at once: " + summary).isLessThanOrEqualTo(1);
                    w.etaShown += etas;
                    String curve = driver.findElement(By.id("curve-extent")).getText();
                    if (!curve.isEmpty()) {
                        w.curves.add(curve);
                    }
                    Matcher it = Pattern.compile("^(\\d+) / (\\d+)").matcher(
                            driver.findElement(By.id("run-iteration")).getText().strip());
                    if (it.find()) {
                        w.iterations.add(Long.parseLong(it.group(1)));
                    }
                    String value = driver.findElement(By.id("run-progress")).getDomProperty("value");
                    if (value != null) {
                        w.progress.add(Double.parseDouble(value));
                    }
                    String src = driver.findElement(By.id("steps-image")).getDomAttribute("src");
                    Matcher checkpoint = src == null ? null : CHECKPOINT_SRC.matcher(src);
                    if (checkpoint != null && checkpoint.find()) {
                        w.checkpointImages.add(src);
                        long v = Long.parseLong(checkpoint.group(1));
                        boolean byEvent = v < 1_000_000_000L; // else a time stamp: the page's first load
                        if (byEvent) {
                            w.refreshedAt.add(v);
                        }
                        if (!w.loaded.contains(src) && imageLoaded(driver)) {
                            w.loaded.add(src);
                            w.pictures.add(picture(driver));
                            if (byEvent && w.refreshedAt.size() <= 2) {
                                browser.screenshot(w.refreshedAt.size() == 1 ? "04-running" : "05-running-later");
                            }
                        }
                    }
                }
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                // htmx swapped the summary, or the page reloads itself at the end: look again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("run " + run + " did not end within " + RUN_LIMIT + "; seen " + w.iterations);
    }

    private static boolean imageLoaded(WebDriver driver) {
        Object ok = ((JavascriptExecutor) driver).executeScript(
                "const i = document.getElementById('steps-image');"
                        + "return !!i && !i.hidden && i.complete && i.naturalWidth > 0;");
        return Boolean.TRUE.equals(ok);
    }

    /** The distilled-images picture as the browser shows it, as a data URL (same origin, so readable). */
    private static String picture(WebDriver driver) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const i = document.getElementById('steps-image');"
                        + "const c = document.createElement('canvas');"
                        + "c.width = i.naturalWidth; c.height = i.naturalHeight;"
                        + "c.getContext('2d').drawImage(i, 0, 0);"
                        + "return c.toDataURL('image/png');");
    }

    private static WebElement field(WebElement form, String name) {
        return form.findElement(By.name(name));
    }

    private static String text(WebDriver driver, By by) {
        return driver.findElement(by).getText().strip();
    }

    private static WebDriverWait wait(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).as("distilled.npz is a zip archive").isNotEmpty();
        return entries;
    }
}

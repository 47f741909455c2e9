package org.ddjvm.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.ddjvm.application.runs.DistillationRun;
import org.ddjvm.application.runs.RunStatus;
import org.ddjvm.domain.distill.InitMode;
import org.junit.jupiter.api.Test;

class RunArtifactsApiTest extends WebTest {

    @Test
    void thePublishedImagesAllStepsAndOneStep() throws Exception {
        DistillationRun run = stored("art-images", RunStatus.COMPLETED);
        publish(run);

        byte[] all = mvc.perform(get("/api/runs/art-images/steps.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] one = mvc.perform(get("/api/runs/art-images/steps/1.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();

        BufferedImage allImage = ImageIO.read(new ByteArrayInputStream(all));
        BufferedImage oneImage = ImageIO.read(new ByteArrayInputStream(one));
        assertThat(allImage.getHeight()).isGreaterThan(oneImage.getHeight()); // 2 rows against 1
        mvc.perform(get("/api/runs/art-images/steps/2.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(containsString("steps 0-1")));
    }

    @Test
    void theNpzIsTheExportFormat() throws Exception {
        DistillationRun run = stored("art-npz", RunStatus.COMPLETED);
        publish(run);

        byte[] npz = mvc.perform(get("/api/runs/art-npz/distilled.npz").with(RunsApiTest.VIEWER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("art-npz-distilled.npz")))
                .andReturn().getResponse().getContentAsByteArray();

        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly("images.npy", "labels.npy", "lrs.npy");
        mvc.perform(get("/api/runs/art-npz/summary.json").with(RunsApiTest.VIEWER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.dataset").value("mnist"))
                .andExpect(jsonPath("$.steps").value(2));
    }

    @Test
    void withoutAPublishedResultArtifactsAre404() throws Exception {
        stored("art-none", RunStatus.RUNNING);

        for (String path : List.of("steps.png", "steps/0.png", "distilled.npz", "summary.json")) {
            mvc.perform(get("/api/runs/art-none/" + path).with(RunsApiTest.VIEWER))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value(containsString("no published result")));
        }
        mvc.perform(get("/api/runs/nope/distilled.npz").with(RunsApiTest.VIEWER)).andExpect(status().isNotFound());
    }

    @Test
    void theLatestCheckpointIsDrawnWhileItRuns() throws Exception {
        DistillationRun run = stored("art-checkpoint", RunStatus.RUNNING, spec(InitMode.FIXED, 3, 2));
        mvc.perform(get("/api/runs/art-checkpoint/checkpoint/steps.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(containsString("no checkpoint")));

        checkpoint(run, 50);
        checkpoint(run, 59);

        byte[] png = mvc.perform(get("/api/runs/art-checkpoint/checkpoint/steps.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andExpect(header().string("X-DD-Iteration", "59"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // 10 images of 28 pixels ×3 in a row, plus the rate label
        assertThat(image.getWidth()).isGreaterThan(10 * 84);
        mvc.perform(get("/api/runs/art-checkpoint/checkpoint/steps/2.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isOk()).andExpect(header().string("X-DD-Iteration", "59"));
        mvc.perform(get("/api/runs/art-checkpoint/checkpoint/steps/3.png").with(RunsApiTest.VIEWER))
                .andExpect(status().isNotFound());
    }

    @Test
    void artifactsNeedAViewer() throws Exception {
        mvc.perform(get("/api/runs/art-images/steps.png")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/runs/art-images/steps.png").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("x")
                        .roles("ATTACKER"))).andExpect(status().isForbidden());
    }
}

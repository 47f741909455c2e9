package org.ddjvm.adapters.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The web adapter on in-memory ports: what a host application provides, faked. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WebAdapterConfiguration.class, TestPorts.class})
class WebTestApplication {
}

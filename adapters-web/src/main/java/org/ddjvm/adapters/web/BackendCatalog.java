package org.ddjvm.adapters.web;

import java.util.List;

/**
 * What the web needs to know about the numerical backends (the host application provides it): the one new runs
 * execute on in this process, and those the build holds (another one needs a restart with {@code --backend}).
 */
public interface BackendCatalog {

    /** The backend this process runs distillations on, e.g. {@code djl}. */
    String active();

    /** The backends this build includes, sorted. */
    List<String> installed();
}

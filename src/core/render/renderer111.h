// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

namespace FateDeployer {

/// Renders what KubeFATE v1.11.x's generate_config.sh renders (spec §5), natively: the training bundle
/// `confs-<id>` per party for the project's engines (Eggroll; Spark with HDFS and RabbitMQ or Pulsar;
/// Spark_local), `confs-exchange` when the project has an exchange and the federation is Eggroll, and
/// `serving-<id>` for every party with a serving host. The passwords come from @p secrets (memory,
/// never the project file); the ones that are empty are listed in RenderOutput::missingSecrets.
/// Pure: reads the template tree, writes nothing. Use Renderer::render, which picks the era.
class Renderer111
{
public:
    static Result<RenderOutput>
    render(const Project &project, const TemplateTree &templates, const ServiceSecrets &secrets);
};

} // namespace FateDeployer

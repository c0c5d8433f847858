// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

#include <QCoreApplication>

namespace FateDeployer {

/// Renders the deployment bundles of a project from KubeFATE templates, natively (no sed, no
/// scripts): KubeFATE 1.1.0 and v1.11.x (render/renderer111.h), chosen by the era of the template tree.
/// Pure function of its inputs: reads the template tree, writes nothing.
/// Verbatim template files are referenced by path; edited and generated files are held in memory.
/// Errors name the template file and key that are missing, or the project field that is invalid.
class Renderer
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::Renderer)

public:
    /// @p secrets: the services' passwords (v1.11; 1.1.0 has none); rendered from memory, never read
    /// from the project. Empty ones are listed in RenderOutput::missingSecrets.
    static Result<RenderOutput>
    render(const Project &project, const TemplateTree &templates, const ServiceSecrets &secrets = {});
};

} // namespace FateDeployer

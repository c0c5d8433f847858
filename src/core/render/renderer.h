// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/project.h"
#include "render/bundle.h"
#include "templates/templatesource.h"
#include "util/result.h"

namespace FateDeployer {

/// Renders the deployment bundles of a project from KubeFATE templates, natively (no sed, no
/// scripts): FATE 1.1.0 now. Pure function of its inputs: reads the template tree, writes nothing.
/// Verbatim template files are referenced by path; edited and generated files are held in memory.
/// Errors name the template file and key that are missing, or the project field that is invalid.
class Renderer
{
public:
    static Result<RenderOutput> render(const Project &project, const TemplateTree &templates);
};

} // namespace FateDeployer

// The boundary rule reports a file that breaks the README's import rules, and lets the allowed imports through.
import path from 'node:path';
import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './feature-boundaries.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ROOT = path.resolve(import.meta.dirname, '../..');
const at = (p) => path.join(ROOT, p);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

tester.run('feature-boundaries (API)', rule, {
  valid: [
    {
      name: 'a feature imports another through its barrel',
      filename: at('apps/api/src/attempts/attempts.service.ts'),
      code: "import { AccessPolicy } from '../cohorts';",
    },
    {
      name: 'a feature imports its own files',
      filename: at('apps/api/src/attempts/attempts.service.ts'),
      code: "import { Attempt } from './attempt.entity';",
    },
    {
      name: 'a feature imports cross-cutting code',
      filename: at('apps/api/src/attempts/attempts.service.ts'),
      code: "import { notFound } from '../common/domain-error';",
    },
    {
      name: 'an entity imports another feature’s entity for a relation',
      filename: at('apps/api/src/cohorts/cohort.entity.ts'),
      code: "import { Unit } from '../units/unit.entity';",
    },
    {
      name: 'the entity list imports every entity',
      filename: at('apps/api/src/database/entities.ts'),
      code: "import { User } from '../users/user.entity';",
    },
    {
      name: 'the app module registers a feature’s second Nest module',
      filename: at('apps/api/src/app.module.ts'),
      code: "import { CohortManagementModule } from './cohorts/cohort-management.module';",
    },
    {
      name: 'the app module imports feature modules through barrels',
      filename: at('apps/api/src/app.module.ts'),
      code: "import { UsersModule } from './users';",
    },
  ],
  invalid: [
    {
      name: 'a service reaches into another feature’s service file',
      filename: at('apps/api/src/attempts/attempts.service.ts'),
      code: "import { CohortsService } from '../cohorts/cohorts.service';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'a service reads another feature’s entity',
      filename: at('apps/api/src/attempts/attempts.service.ts'),
      code: "import { ExerciseVersion } from '../exercises/exercise.entity';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'common code imports a feature',
      filename: at('apps/api/src/common/auth.guard.ts'),
      code: "import { AuthService } from '../auth';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'the app module reaches a feature’s service file',
      filename: at('apps/api/src/app.module.ts'),
      code: "import { UsersService } from './users/users.service';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 're-exporting a deep path counts too',
      filename: at('apps/api/src/seed/index.ts'),
      code: "export { MediaService } from '../media/media.service';",
      errors: [{ messageId: 'boundary' }],
    },
  ],
});

tester.run('feature-boundaries (web)', rule, {
  valid: [
    {
      name: 'a route composes two features',
      filename: at('apps/web/src/app/routes/app/instructor/module.tsx'),
      code: "import { ModuleForm } from '@/features/modules/components/module-form';\nimport { useSpecimens } from '@/features/library/api/get-specimens';",
    },
    {
      name: 'a feature imports shared code',
      filename: at('apps/web/src/features/modules/components/module-form.tsx'),
      code: "import { Button } from '@/components/ui';",
    },
    {
      name: 'a feature imports its own files relatively',
      filename: at('apps/web/src/features/modules/components/module-form.tsx'),
      code: "import { saveModule } from '../api/save-module';",
    },
  ],
  invalid: [
    {
      name: 'a feature imports another feature',
      filename: at('apps/web/src/features/modules/components/module-form-sources.tsx'),
      code: "import { getSpecimensQueryOptions } from '@/features/library/api/get-specimens';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'a feature imports another feature relatively',
      filename: at('apps/web/src/features/modules/components/module-form.tsx'),
      code: "import { x } from '../../library/api/get-specimens';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'shared code imports a feature',
      filename: at('apps/web/src/components/ui/table.tsx'),
      code: "import { x } from '@/features/users/api/get-users';",
      errors: [{ messageId: 'boundary' }],
    },
    {
      name: 'a feature imports from app/',
      filename: at('apps/web/src/features/users/components/users-list.tsx'),
      code: "import { router } from '@/app/router';",
      errors: [{ messageId: 'boundary' }],
    },
  ],
});

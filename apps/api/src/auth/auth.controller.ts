import { REFRESH_COOKIE } from '@firstline/contracts';
import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Actor, CurrentActor } from '../common/decorators/actor';
import { AnyRole, Public } from '../common/decorators/roles.decorator';
import { AppConfig, APP_CONFIG } from '../config/config';
import { UsersService, UserViewDto } from '../users';
import { ChangePasswordDto, LoginDto, LoginResponseDto, UpdateMeDto } from './auth.dto';
import { AuthService, Session } from './auth.service';

const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @ApiOperation({ summary: 'Sign in; sets the refresh cookie and returns a short-lived access token' })
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.auth.login(body.username, body.password, req.ip ?? 'unknown'));
  }

  @Public()
  @Post('refresh')
  @ApiOperation({ summary: 'Rotate the refresh cookie and return a new access token' })
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.auth.refresh(req.cookies?.[REFRESH_COOKIE]));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session: revoke the refresh token and clear the cookie' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.cookies?.[REFRESH_COOKIE]);
    res.clearCookie(REFRESH_COOKIE, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
    });
  }

  @AnyRole()
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ZodResponse({ status: 200, type: UserViewDto })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor.id);
  }

  @AnyRole()
  @Patch('me')
  @ApiOperation({ summary: 'Update own display name or preferred language' })
  @ZodResponse({ status: 200, type: UserViewDto })
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto) {
    return this.users.updateOwnProfile(actor, body);
  }

  @AnyRole()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change own password (ends other sessions)' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor.id, body.currentPassword, body.newPassword);
  }

  private withCookie(res: Response, session: Session) {
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    const { accessToken, expiresIn, user } = session;
    return { accessToken, expiresIn, user };
  }
}
